import { specError, SpecErrorException, type SpecError } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import type { FileSystem } from '../io/file-system.js';
import { convertTimeloopOrThrow, type TimeloopConversion, type TimeloopFile } from './convert.js';
import { TimeloopInputError } from './source.js';

export { renderReportMarkdown, formatLocation, type ConversionReport, type ReportItem, type ReportKind } from './report.js';
export type { TimeloopConversion, TimeloopFile } from './convert.js';

const HINT = 'give the Timeloop architecture, problem and (optionally) mapping, constraint and ERT/ART files together';

/** Convert Timeloop files into an AccelForge spec; throws SpecErrorException when the input cannot be converted. */
export function convertTimeloop(files: readonly TimeloopFile[]): TimeloopConversion {
  const result = convertTimeloopResult(files);
  if (!result.ok) throw new SpecErrorException(result.errors[0]!);
  return result.value;
}

/** Convert Timeloop files into an AccelForge spec, returning errors as values. */
export function convertTimeloopResult(files: readonly TimeloopFile[]): Result<TimeloopConversion> {
  try {
    return ok(convertTimeloopOrThrow(files));
  } catch (e) {
    if (e instanceof TimeloopInputError) return err(toSpecError(e));
    if (e instanceof SpecErrorException) return err(e.specError);
    throw e;
  }
}

/** Read the files through `fs`, then convert them. */
export function convertTimeloopFiles(fs: FileSystem, paths: readonly string[]): Result<TimeloopConversion> {
  const files: TimeloopFile[] = [];
  for (const path of paths) {
    if (!fs.exists(path)) return err(specError('io', `file not found: ${path}`, { hint: HINT }));
    files.push({ path, text: fs.readText(path) });
  }
  return convertTimeloopResult(files);
}

function toSpecError(e: TimeloopInputError): SpecError {
  const jinja = e.message.startsWith('Jinja');
  const hint = jinja ? 'render the template first (e.g. the parsed-processed-input.yaml of a Timeloop run), then convert that' : (e.hint ?? HINT);
  return specError(e.message.startsWith('YAML') || jinja ? 'yaml' : 'arch', e.message, { ...(e.pos ? { pos: e.pos } : {}), hint });
}
