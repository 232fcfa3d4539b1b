/**
 * Splits a Jinja template into text and tags, without changing what the text says:
 * - position markers are planted in the text (at line starts and around tags), so every
 *   character of the output can be traced to a template line and column (see position-map);
 * - whitespace control (`{%-`, `-%}`, `{{-`, `-}}`) is applied here, once, on the template text;
 * - `{% raw %}` blocks become text and `{# comments #}` disappear.
 * The tags are left to jinja/template-parser.ts.
 */
import { formatMarker } from './position-map.js';

/** Line and column (1-based) in the template the user wrote. */
export interface TemplateLocation {
  line: number;
  col: number;
}

/** A `{{ }}` or `{% %}` tag (or an unclosed `{#`), with where it and its inside start. */
export interface TemplateTag {
  readonly kind: '{' | '%' | '#';
  /** The text between the delimiters, without the `-` of whitespace control. */
  readonly inner: string;
  /** Offset of `inner` in the template. */
  readonly innerOffset: number;
  /** Where the tag's `{` is. */
  readonly at: TemplateLocation;
  /** False when the template ends before the closing delimiter. */
  readonly closed: boolean;
}

/** Text (markers included) or a tag, in template order. */
export type TemplatePiece = string | TemplateTag;

/** A scanned template: its pieces, and line/column lookup for offsets into its text. */
export interface ScannedTemplate {
  readonly pieces: readonly TemplatePiece[];
  locate(offset: number): TemplateLocation;
}

interface Tag {
  kind: '{' | '%' | '#';
  start: number;
  end: number;
  inner: string;
  innerOffset: number;
  stripLeft: boolean;
  stripRight: boolean;
  closed: boolean;
}

const RAW_START = /^\s*raw\s*$/;
const RAW_END = /\{%-?\s*endraw\s*-?%\}/g;
const TRAILING_SPACE = /\s+$/;

class Scanner {
  private readonly out: TemplatePiece[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string, private readonly fileId: number) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  run(): TemplatePiece[] {
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
    return joinText(this.out);
  }

  location(offset: number): TemplateLocation {
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
    const bodyStart = match.index + 2;
    const closeAt = this.findClose(bodyStart, close, kind !== '#');
    const end = closeAt < 0 ? this.text.length : closeAt + 2;
    const body = this.text.slice(bodyStart, closeAt < 0 ? this.text.length : closeAt);
    const stripLeft = body.startsWith('-');
    const stripRight = closeAt >= 0 && body.endsWith('-') && body.length > (stripLeft ? 1 : 0);
    const inner = body.slice(stripLeft ? 1 : 0, stripRight ? -1 : undefined);
    const innerOffset = bodyStart + (stripLeft ? 1 : 0);
    return { kind, start: match.index, end, inner, innerOffset, stripLeft, stripRight, closed: closeAt >= 0 };
  }

  /** Offset of the closing delimiter (string literals skipped); -1 if the template ends first. */
  private findClose(from: number, close: string, skipStrings: boolean): number {
    let quote: string | undefined;
    for (let i = from; i < this.text.length; i++) {
      const ch = this.text[i]!;
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = undefined;
      } else if (skipStrings && (ch === '"' || ch === "'")) quote = ch;
      else if (this.text.startsWith(close, i)) return i;
    }
    return -1;
  }

  private emitTag(tag: Tag): number {
    if (tag.stripLeft) this.stripTrailingSpace();
    if (tag.kind === '#' && tag.closed) return this.afterTag(tag);
    this.out.push(this.marker(tag.start, tag.kind === '{'));
    if (tag.kind === '%' && tag.closed && RAW_START.test(tag.inner)) return this.emitRaw(tag);
    this.out.push({ kind: tag.kind, inner: tag.inner, innerOffset: tag.innerOffset, at: this.location(tag.start), closed: tag.closed });
    return this.afterTag(tag);
  }

  /** `{% raw %}...{% endraw %}` is text; without its endraw, the raw tag is left for the parser to report. */
  private emitRaw(tag: Tag): number {
    RAW_END.lastIndex = tag.end;
    const match = RAW_END.exec(this.text);
    if (!match) {
      this.out.push({ kind: '%', inner: tag.inner, innerOffset: tag.innerOffset, at: this.location(tag.start), closed: true });
      return this.text.length;
    }
    // `{% raw -%}` and `{%- endraw %}` trim the raw text's ends, as in Jinja.
    let from = tag.end;
    if (tag.stripRight) while (from < match.index && /\s/.test(this.text[from]!)) from++;
    let to = match.index;
    if (match[0].startsWith('{%-')) while (to > from && /\s/.test(this.text[to - 1]!)) to--;
    this.copyText(from, to);
    const end = match.index + match[0].length;
    return this.afterTag({ ...tag, end, stripRight: match[0].endsWith('-%}') });
  }

  /** After a `-%}` the following whitespace is dropped; a marker then points at what follows. */
  private afterTag(tag: Tag): number {
    let i = tag.end;
    if (tag.stripRight) while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
    if (i < this.text.length) this.out.push(this.marker(i));
    return i;
  }

  /** Before a `{%-` tag: the whitespace (and the markers in it) back to the previous tag goes. */
  private stripTrailingSpace(): void {
    while (this.out.length > 0) {
      const last = this.out[this.out.length - 1]!;
      if (typeof last !== 'string') return;
      if (isMarker(last) || /^\s*$/.test(last)) {
        this.out.pop();
        continue;
      }
      this.out[this.out.length - 1] = last.replace(TRAILING_SPACE, '');
      return;
    }
  }
}

function isMarker(piece: string): boolean {
  return piece.startsWith('\uE000');
}

/** Adjacent text pieces joined into one string. */
function joinText(pieces: readonly TemplatePiece[]): TemplatePiece[] {
  const out: TemplatePiece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
    else out.push(piece);
  }
  return out;
}

/** The template's pieces; `fileId` is written into every marker. */
export function scanTemplate(text: string, fileId: number): ScannedTemplate {
  const scanner = new Scanner(text, fileId);
  return { pieces: scanner.run(), locate: (offset) => scanner.location(offset) };
}
