/** SpecError[] → Monaco marker data for one file. Pure, so it runs and is tested without a DOM. */
import type { SpecError } from '../../engine/index.js';
// A value import from index.ts would pull the whole engine into the page bundle.
import { formatSpecPath } from '../../engine/base/errors.js';

/** monaco.MarkerSeverity.Error; repeated here so this module does not load Monaco. */
export const MARKER_SEVERITY_ERROR = 8;

/** Structurally a monaco.editor.IMarkerData. */
export interface MarkerData {
  readonly severity: number;
  readonly message: string;
  readonly source: string;
  readonly code?: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

export function normalizeFilePath(path: string): string {
  return path.replace(/^(\.\/|\/)+/, '');
}

/** The errors positioned in `file`, as markers underlining the token at each position. */
export function specErrorsToMarkers(errors: readonly SpecError[], file: string, text: string): MarkerData[] {
  const target = normalizeFilePath(file);
  const lines = text.split(/\r?\n/);
  const markers: MarkerData[] = [];
  for (const error of errors) {
    if (error.pos === undefined || normalizeFilePath(error.pos.file) !== target) continue;
    markers.push({
      severity: MARKER_SEVERITY_ERROR,
      message: markerMessage(error),
      source: 'accelforge',
      code: error.kind,
      ...tokenRange(lines, error.pos.line, error.pos.col),
    });
  }
  return markers;
}

function markerMessage(error: SpecError): string {
  const at = error.path.length > 0 ? ` (at ${formatSpecPath(error.path)})` : '';
  const hint = error.hint ? `\nHint: ${error.hint}` : '';
  return `${error.message}${at}${hint}`;
}

/** Clamps the position into the text and extends it over the non-blank run that starts there. */
function tokenRange(lines: readonly string[], line: number, col: number) {
  const lineNumber = Math.min(Math.max(1, line), Math.max(1, lines.length));
  const content = lines[lineNumber - 1] ?? '';
  const start = Math.min(Math.max(1, col), content.length + 1);
  let end = start;
  while (end <= content.length && !/\s/.test(content[end - 1] ?? ' ')) end++;
  if (end === start) end = start + 1;
  return { startLineNumber: lineNumber, startColumn: start, endLineNumber: lineNumber, endColumn: end };
}
