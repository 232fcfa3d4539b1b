/**
 * Rewrites a Jinja template before nunjucks sees it, without changing its line structure:
 * - position markers in the text (line starts, around tags) survive rendering, so every
 *   character of the output can be traced to a template line and column (see position-map);
 * - `{{ __loc(line, col) }}` before each tag tells the runtime where it is, for errors;
 * - `{{ x }}` becomes `{{ (x) | __py }}` (Python str()), `{% if x %}` tests Python truthiness.
 * `{% raw %}` blocks and `{# comments #}` are left alone.
 */
import { formatMarker } from './position-map.js';

interface Tag {
  kind: '{' | '%' | '#';
  start: number;
  end: number;
  inner: string;
  stripLeft: boolean;
  stripRight: boolean;
}

const RAW_START = /^\s*raw\s*$/;
const RAW_END = /\{%-?\s*endraw\s*-?%\}/g;

class Scanner {
  private readonly out: string[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string, private readonly fileId: number) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  run(): string {
    this.out.push(this.marker(0));
    let i = 0;
    while (i < this.text.length) {
      const tag = this.nextTag(i);
      if (!tag) {
        this.copyText(i, this.text.length);
        break;
      }
      this.copyText(i, tag.start);
      i = this.emitTag(tag);
    }
    return this.out.join('');
  }

  private location(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! + 1 };
  }

  private marker(offset: number, whole = false): string {
    const { line, col } = this.location(offset);
    return formatMarker(this.fileId, line, col, whole);
  }

  private locCall(offset: number, stripLeft: boolean): string {
    const { line, col } = this.location(offset);
    return `{{${stripLeft ? '-' : ''} __loc(${line}, ${col}) }}`;
  }

  /** Text is copied with a marker after every newline, so each output line knows its source. */
  private copyText(from: number, to: number): void {
    let start = from;
    for (let i = from; i < to; i++) {
      if (this.text[i] !== '\n') continue;
      this.out.push(this.text.slice(start, i + 1), this.marker(i + 1));
      start = i + 1;
    }
    if (start < to) this.out.push(this.text.slice(start, to));
  }

  private nextTag(from: number): Tag | undefined {
    const re = /\{([{%#])/g;
    re.lastIndex = from;
    const match = re.exec(this.text);
    if (!match) return undefined;
    const kind = match[1] as Tag['kind'];
    const close = kind === '{' ? '}}' : `${kind}}`;
    const end = this.findClose(match.index + 2, close, kind !== '#');
    const bodyStart = match.index + 2;
    const body = this.text.slice(bodyStart, end - 2);
    const stripLeft = body.startsWith('-');
    const stripRight = body.endsWith('-') && body.length > (stripLeft ? 1 : 0);
    const inner = body.slice(stripLeft ? 1 : 0, stripRight ? -1 : undefined);
    return { kind, start: match.index, end, inner, stripLeft, stripRight };
  }

  /** Offset just past the closing delimiter (string literals skipped); text end if unclosed. */
  private findClose(from: number, close: string, skipStrings: boolean): number {
    let quote: string | undefined;
    for (let i = from; i < this.text.length; i++) {
      const ch = this.text[i]!;
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = undefined;
      } else if (skipStrings && (ch === '"' || ch === "'")) quote = ch;
      else if (this.text.startsWith(close, i)) return i + close.length;
    }
    return this.text.length;
  }

  private emitTag(tag: Tag): number {
    if (tag.kind === '#') {
      this.out.push(this.text.slice(tag.start, tag.end));
      return this.afterTag(tag);
    }
    if (tag.stripLeft) this.dropTrailingMarkers();
    this.out.push(this.locCall(tag.start, tag.stripLeft), this.marker(tag.start, tag.kind === '{'));
    const l = tag.stripLeft ? '-' : '';
    const r = tag.stripRight ? '-' : '';
    if (tag.kind === '{') {
      this.out.push(`{{${l} (${tag.inner}) | __py ${r}}}`);
      return this.afterTag(tag);
    }
    if (RAW_START.test(tag.inner)) return this.emitRaw(tag);
    this.out.push(`{%${l}${rewriteStatement(tag.inner)}${r}%}`);
    return this.afterTag(tag);
  }

  private emitRaw(tag: Tag): number {
    RAW_END.lastIndex = tag.end;
    const match = RAW_END.exec(this.text);
    const endStart = match ? match.index : this.text.length;
    const endEnd = match ? match.index + match[0].length : this.text.length;
    this.out.push(this.text.slice(tag.start, tag.end));
    this.copyText(tag.end, endStart);
    this.out.push(this.text.slice(endStart, endEnd));
    return this.afterTag({ ...tag, end: endEnd, stripRight: match?.[0].endsWith('-%}') ?? false });
  }

  /** After a `-%}` the following whitespace is stripped by nunjucks, so no marker goes there. */
  private afterTag(tag: Tag): number {
    let i = tag.end;
    if (tag.stripRight) {
      while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
      this.out.push(this.text.slice(tag.end, i));
    }
    if (i < this.text.length) this.out.push(this.marker(i));
    return i;
  }

  /** Before a `{%-` tag, markers inside the trailing whitespace would stop the strip. */
  private dropTrailingMarkers(): void {
    let whitespace = '';
    while (this.out.length > 0) {
      const last = this.out[this.out.length - 1]!;
      if (isMarker(last)) this.out.pop();
      else if (/^\s+$/.test(last)) whitespace = this.out.pop()! + whitespace;
      else break;
    }
    this.out.push(whitespace);
  }
}

function isMarker(piece: string): boolean {
  return piece.startsWith('\uE000');
}

/** `if x` / `elif x` test Python truthiness (and fail on undefined names, like StrictUndefined). */
function rewriteStatement(inner: string): string {
  const match = /^(\s*)(if|elif)(\s+)([\s\S]*?)(\s*)$/.exec(inner);
  if (!match) return inner;
  const [, lead, word, gap, cond, trail] = match;
  return `${lead}${word}${gap}__truthy(${cond})${trail}`;
}

/** The template with markers and runtime hooks; `fileId` is written into every marker. */
export function preprocessTemplate(text: string, fileId: number): string {
  return new Scanner(text, fileId).run();
}
