/**
 * The spec loader: files → Jinja → YAML (with positions) → `<<<` merges → one raw tree.
 * Top-level keys are unioned across files; the first file that defines a key wins (docs/spec-format.md §1).
 */
import { SpecErrorException, failWith, specError, type SpecError } from '../../base/errors.js';
import { err, ok, type Result } from '../../base/result.js';
import { FileRefused, type FileSystem } from '../../io/file-system.js';
import { resolvePath } from '../../io/paths.js';
import { isRawMap, type RawMap } from '../raw.js';
import type { EntryMeta, SourceIndex } from '../source-index.js';
import { combineVariableScans, type JinjaVariableInfo } from './jinja-variables.js';
import { loadFile } from './load-file.js';
import { LoadSession } from './load-session.js';
import { globPaths } from './path-search.js';
import { specPathAt } from './path-at.js';

export type { JinjaVariableInfo } from './jinja-variables.js';
export { PyFloat } from './py-values.js';

export interface LoadOptions {
  fs: FileSystem;
  /** Jinja data (e.g. from `--set N_EINSUMS=2`); wrap floats that must render as `2.0` in PyFloat. */
  jinjaData?: Record<string, unknown>;
  /** Extra directories for relative include paths (after the including file's directory). */
  includeDirs?: string[];
}

export interface LoadedSpec {
  root: RawMap;
  sources: SourceIndex;
  /** The top-level files, absolute, in order. */
  files: string[];
  /** Every file read (top-level, included, include_text), absolute, in first-read order. */
  dependencies: string[];
  jinjaVariables: Map<string, JinjaVariableInfo>;
}

interface InputFile {
  absolute: string;
  display: string;
}

function expandInputs(fs: FileSystem, paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const path of paths) {
    const matches = globPaths(fs, resolvePath(fs.cwd(), path));
    if (matches.length === 0) failWith('io', `File not found: ${path}`, { hint: `Searched: ${resolvePath(fs.cwd(), path)}` });
    for (const match of matches) {
      const absolute = fs.realPath(match);
      if (out.some((f) => f.absolute === absolute)) continue;
      out.push({ absolute, display: matches.length === 1 && match === resolvePath(fs.cwd(), path) ? path : match });
    }
  }
  return out;
}

function unionTopLevel(session: LoadSession, inputs: InputFile[], options: LoadOptions): RawMap {
  const root: RawMap = {};
  const entries = new Map<string | number, EntryMeta>();
  const includeDirs = (options.includeDirs ?? []).map((dir) => resolvePath(options.fs.cwd(), dir));
  for (const input of inputs) {
    session.fileId(input.absolute, input.display);
    const value = loadFile(session, { path: input.absolute, data: options.jinjaData ?? {}, includeDirs });
    const meta = typeof value === 'object' && value !== null ? session.sources.get(value) : undefined;
    if (!isRawMap(value)) {
      failWith('yaml', `The top level of ${input.display} must be a mapping of sections (arch:, workload:, ...)`, {
        pos: meta?.pos ?? { file: input.display, line: 1, col: 1 },
        hint: 'Start the file with keys such as arch:, workload:, mapping:, variables:.',
      });
    }
    for (const [key, item] of Object.entries(value)) {
      if (Object.hasOwn(root, key)) continue;
      root[key] = item;
      const entry = meta?.entries.get(key);
      if (entry) entries.set(key, entry);
    }
  }
  session.sources.set(root, { pos: { file: inputs[0]?.display ?? '', line: 1, col: 1 }, entries });
  return root;
}

/** Loads and merges spec files into one raw tree; never throws. */
export function loadSpecFiles(paths: string[], options: LoadOptions): Result<LoadedSpec> {
  const session = new LoadSession(options.fs);
  try {
    const inputs = expandInputs(options.fs, paths);
    const root = unionTopLevel(session, inputs, options);
    return ok({
      root,
      sources: session.sources,
      files: inputs.map((f) => f.absolute),
      dependencies: [...session.dependencies],
      jinjaVariables: combineVariableScans(session.variableScans),
    });
  } catch (error) {
    if (error instanceof SpecErrorException) return err(withSpecPath(error.specError, options.fs));
    if (error instanceof FileRefused) return err(specError('io', error.message, { hint: error.hint }));
    const message = error instanceof Error ? error.message : String(error);
    return err(specError('io', `Could not load the spec: ${message}`, { hint: 'This is a loader bug; please report it with the input files.' }));
  }
}

/** Loader errors carry a position; give them the spec path found at that position too. */
function withSpecPath(error: SpecError, fs: FileSystem): SpecError {
  if (error.path.length > 0 || !error.pos) return error;
  try {
    const text = fs.readText(resolvePath(fs.cwd(), error.pos.file));
    const path = specPathAt(text, error.pos.line, error.pos.col);
    return path.length > 0 ? { ...error, path } : error;
  } catch {
    return error;
  }
}
