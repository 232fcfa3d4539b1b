/**
 * Maps offsets in rendered template output back to the template source. The preprocessor
 * plants markers (`\uE000file:line:col\uE001`) in the template text; they pass through
 * rendering untouched (also through loops and `include_text`), and are removed here.
 */
import type { SourcePos } from '../../base/errors.js';

const MARKER = /\uE000(\d+):(\d+):(\d+)(=?)\uE001/g;

/**
 * A marker for the text that follows it. `whole` marks the output of a `{{ }}` tag: all of it
 * maps to the tag itself, since its length has nothing to do with the template's.
 */
export function formatMarker(fileId: number, line: number, col: number, whole = false): string {
  return `\uE000${fileId}:${line}:${col}${whole ? '=' : ''}\uE001`;
}

/** Removes every marker from a string (e.g. a Jinja value that captured some). */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '');
}

interface Anchor {
  offset: number;
  fileId: number;
  line: number;
  col: number;
  whole: boolean;
}

export class PositionMap {
  readonly text: string;
  private readonly anchors: Anchor[] = [];

  /** `fileNames[id]` is the displayed name of the file with marker id `id`. */
  constructor(rendered: string, private readonly fileNames: readonly string[], private readonly fallbackFile: number) {
    let out = '';
    let last = 0;
    for (const match of rendered.matchAll(MARKER)) {
      out += rendered.slice(last, match.index);
      last = match.index + match[0].length;
      this.anchors.push({ offset: out.length, fileId: Number(match[1]), line: Number(match[2]), col: Number(match[3]), whole: match[4] === '=' });
    }
    out += rendered.slice(last);
    this.text = out;
  }

  /** Source position of a rendered-text offset; text produced by a `{{ }}` maps to the tag. */
  posAt(offset: number): SourcePos {
    const anchor = this.anchorBefore(offset);
    if (!anchor) return this.plainPos(offset);
    const file = this.fileNames[anchor.fileId] ?? this.fileNames[this.fallbackFile] ?? '';
    const between = this.text.slice(anchor.offset, offset);
    if (anchor.whole || between.includes('\n')) return { file, line: anchor.line, col: anchor.col };
    return { file, line: anchor.line, col: anchor.col + (offset - anchor.offset) };
  }

  private anchorBefore(offset: number): Anchor | undefined {
    let lo = 0;
    let hi = this.anchors.length - 1;
    let found: Anchor | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const anchor = this.anchors[mid]!;
      if (anchor.offset <= offset) {
        found = anchor;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private plainPos(offset: number): SourcePos {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    return { file: this.fileNames[this.fallbackFile] ?? '', line, col };
  }
}
