/**
 * Builds the statement tree of a scanned template: text, `{{ }}` outputs, and the statements
 * specs use (`set`, `if/elif/else`, `for ... else`, `assert`). Each expression is parsed once,
 * by the expression parser's Jinja mode. Everything else Jinja knows (macros, imports,
 * template inheritance, `{% include %}`, call and filter blocks) is a clear syntax error.
 */
import { SpecErrorException, specError } from '../../../base/errors.js';
import {
  ExpressionError,
  parseJinjaAssert,
  parseJinjaExpression,
  parseJinjaFor,
  parseJinjaSet,
  type Expr,
  type JinjaAssertHead,
  type JinjaForHead,
  type JinjaSetHead,
} from '../../expr/index.js';
import type { ScannedTemplate, TemplateLocation, TemplatePiece, TemplateTag } from '../template-preprocess.js';

/** A node of the template tree; `at` is where its tag starts (errors are reported there). */
export type TemplateNode =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'output'; readonly expr: Expr; readonly at: TemplateLocation }
  | { readonly type: 'set'; readonly head: JinjaSetHead; readonly at: TemplateLocation }
  | { readonly type: 'assert'; readonly head: JinjaAssertHead; readonly at: TemplateLocation }
  | { readonly type: 'if'; readonly branches: readonly IfBranch[]; readonly orElse: readonly TemplateNode[]; readonly at: TemplateLocation }
  | {
      readonly type: 'for';
      readonly head: JinjaForHead;
      readonly body: readonly TemplateNode[];
      readonly orElse: readonly TemplateNode[];
      readonly at: TemplateLocation;
    };

/** One `if`/`elif` test and the nodes it guards. */
export interface IfBranch {
  readonly test: Expr;
  readonly at: TemplateLocation;
  readonly body: readonly TemplateNode[];
}

const SYNTAX_HINT = 'Check that every {% if %}/{% for %} has its {% endif %}/{% endfor %} and that {{ }} and {% %} are closed.';
const EXPRESSION_HINT = 'Template expressions use Python syntax plus Jinja filters (x | default(1)) and tests (x is defined).';
const SUPPORTED_HINT =
  'Spec templates support {{ }}, {% set %}, {% if %}, {% for %}, {% raw %}, {% assert %} and {# #}; ' +
  'bring in other files with include(), include_all() or include_text().';
const UNSUPPORTED_TAGS = new Set([
  'macro', 'endmacro', 'call', 'endcall', 'filter', 'endfilter', 'import', 'from', 'include', 'extends', 'block',
  'endblock', 'with', 'endwith', 'autoescape', 'endautoescape', 'do', 'break', 'continue', 'endset', 'trans',
  'endtrans', 'pluralize',
]);
const MAX_BLOCK_DEPTH = 100;

interface Keyword {
  readonly word: string;
  /** The tag text after the keyword, and its offset in the template. */
  readonly rest: string;
  readonly restOffset: number;
  readonly at: TemplateLocation;
  readonly tag: TemplateTag;
}

interface Block {
  readonly nodes: TemplateNode[];
  /** The tag that ended the block; undefined at the end of the template. */
  readonly end: Keyword | undefined;
}

class TemplateParser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly template: ScannedTemplate,
    private readonly file: string,
  ) {}

  parseAll(): TemplateNode[] {
    const block = this.parseBlock(new Set());
    if (block.end) this.syntaxError(`unknown block tag: ${block.end.word}`, block.end.at);
    return block.nodes;
  }

  private get pieces(): readonly TemplatePiece[] {
    return this.template.pieces;
  }

  private parseBlock(endWords: ReadonlySet<string>): Block {
    this.depth++;
    const nodes: TemplateNode[] = [];
    try {
      while (this.index < this.pieces.length) {
        const piece = this.pieces[this.index++]!;
        if (typeof piece === 'string') nodes.push({ type: 'text', text: piece });
        else if (!piece.closed) this.unclosedTag(piece);
        else if (piece.kind === '{') nodes.push({ type: 'output', expr: this.expression(piece.inner, piece.innerOffset, piece.at), at: piece.at });
        else {
          const keyword = this.keyword(piece);
          if (endWords.has(keyword.word)) return { nodes, end: keyword };
          nodes.push(this.statement(keyword));
        }
      }
      return { nodes, end: undefined };
    } finally {
      this.depth--;
    }
  }

  private keyword(tag: TemplateTag): Keyword {
    const match = /^(\s*)([A-Za-z_]\w*)/.exec(tag.inner);
    const at = this.template.locate(tag.innerOffset + (match?.[1]?.length ?? 0));
    if (!match) this.syntaxError('expected a tag name after {%', at);
    const restStart = match[0].length;
    return { word: match[2]!, rest: tag.inner.slice(restStart), restOffset: tag.innerOffset + restStart, at, tag };
  }

  private statement(keyword: Keyword): TemplateNode {
    const at = keyword.tag.at;
    if ((keyword.word === 'if' || keyword.word === 'for') && this.depth > MAX_BLOCK_DEPTH) {
      this.syntaxError(`blocks are nested more than ${MAX_BLOCK_DEPTH} deep`, at, 'Flatten the template: move inner parts into separate files.');
    }
    switch (keyword.word) {
      case 'set':
        return { type: 'set', head: this.parsed(keyword, parseJinjaSet), at };
      case 'assert':
        return { type: 'assert', head: this.parsed(keyword, parseJinjaAssert), at };
      case 'if':
        return this.ifStatement(keyword);
      case 'for':
        return this.forStatement(keyword);
      case 'raw':
        return this.syntaxError('{% raw %} without {% endraw %}', at);
      default:
        if (UNSUPPORTED_TAGS.has(keyword.word)) {
          return this.syntaxError(`the {% ${keyword.word} %} tag is not supported`, keyword.at, SUPPORTED_HINT);
        }
        return this.syntaxError(`unknown block tag: ${keyword.word}`, keyword.at);
    }
  }

  private ifStatement(first: Keyword): TemplateNode {
    const branches: IfBranch[] = [];
    let keyword = first;
    for (;;) {
      const test = this.expression(keyword.rest, keyword.restOffset, keyword.tag.at);
      const block = this.parseBlock(new Set(['elif', 'else', 'endif']));
      branches.push({ test, at: keyword.tag.at, body: block.nodes });
      const end = this.requireEnd(block, first, 'endif');
      if (end.word === 'endif') return { type: 'if', branches, orElse: [], at: first.tag.at };
      if (end.word === 'else') {
        this.expectBare(end);
        const orElse = this.parseBlock(new Set(['endif']));
        this.requireEnd(orElse, first, 'endif');
        return { type: 'if', branches, orElse: orElse.nodes, at: first.tag.at };
      }
      keyword = end;
    }
  }

  private forStatement(keyword: Keyword): TemplateNode {
    const head = this.parsed(keyword, parseJinjaFor);
    const body = this.parseBlock(new Set(['else', 'endfor']));
    const end = this.requireEnd(body, keyword, 'endfor');
    let orElse: TemplateNode[] = [];
    if (end.word === 'else') {
      this.expectBare(end);
      const block = this.parseBlock(new Set(['endfor']));
      this.requireEnd(block, keyword, 'endfor');
      orElse = block.nodes;
    }
    return { type: 'for', head, body: body.nodes, orElse, at: keyword.tag.at };
  }

  private requireEnd(block: Block, opener: Keyword, endWord: string): Keyword {
    if (block.end) {
      this.expectBare(block.end);
      return block.end;
    }
    const { line } = opener.tag.at;
    return this.syntaxError(`the {% ${opener.word} %} on line ${line} is never closed: expected {% ${endWord} %} before the end of the file`, opener.tag.at);
  }

  /** `else`, `endif` and `endfor` take nothing after them. */
  private expectBare(keyword: Keyword): void {
    if (keyword.word !== 'elif' && keyword.rest.trim() !== '') {
      this.syntaxError(`unexpected text after {% ${keyword.word} %}: '${keyword.rest.trim()}'`, this.template.locate(keyword.restOffset));
    }
  }

  private parsed<T>(keyword: Keyword, parse: (source: string) => T): T {
    return this.withExpressionErrors(keyword.restOffset, keyword.tag.at, () => parse(keyword.rest));
  }

  private expression(source: string, offset: number, at: TemplateLocation): Expr {
    return this.withExpressionErrors(offset, at, () => parseJinjaExpression(source));
  }

  /** Expression syntax errors are reported at the offending character of the template. */
  private withExpressionErrors<T>(offset: number, at: TemplateLocation, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const where = error.offset === undefined ? at : this.template.locate(offset + error.offset);
      const message = error.message.replace(/^SyntaxError: /, '');
      return this.syntaxError(message, where, EXPRESSION_HINT);
    }
  }

  private unclosedTag(tag: TemplateTag): never {
    const [open, close] = tag.kind === '{' ? ['{{', '}}'] : tag.kind === '%' ? ['{%', '%}'] : ['{#', '#}'];
    return this.syntaxError(`'${open}' is never closed: expected '${close}' before the end of the file`, tag.at);
  }

  private syntaxError(message: string, at: TemplateLocation, hint = SYNTAX_HINT): never {
    throw new SpecErrorException(specError('jinja', `Jinja syntax error: ${message}`, { pos: { file: this.file, ...at }, hint }));
  }
}

/** The statement tree of a template; syntax errors are SpecErrors at their template position. */
export function parseTemplate(template: ScannedTemplate, file: string): TemplateNode[] {
  return new TemplateParser(template, file).parseAll();
}
