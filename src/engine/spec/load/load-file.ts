/** One file, fully loaded: Jinja render → YAML → `!include_loaded` → `<<<` merges. */
import { failWith, SpecErrorException, type SourcePos } from '../../base/errors.js';
import { FileNotFound, FileRefused } from '../../io/file-system.js';
import { dirname, joinPath } from '../../io/paths.js';
import type { RawValue } from '../raw.js';
import { applyHierarchicalMerges } from './hierarchical-merge.js';
import { countInclude } from './include-budget.js';
import type { ChildLoader, FileRenderState } from './jinja-globals.js';
import type { LoadSession } from './load-session.js';
import { PositionMap } from './position-map.js';
import { renderFile } from './render-file.js';
import { parseYamlToRaw } from './yaml-to-raw.js';

export interface FileRequest {
  /** Absolute real path. */
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly includeDirs: readonly string[];
  /** Where the request came from (an include call), for missing-file errors. */
  readonly from?: SourcePos;
}

const MAX_DEPTH = 64;
/** Most characters one load may read, summed over every file and include (one file may be read many times). */
export const MAX_SPEC_CHARS = 64 * 1024 * 1024;

function readText(session: LoadSession, request: FileRequest): string {
  let text: string;
  try {
    text = session.fs.readText(request.path);
  } catch (error) {
    if (error instanceof FileRefused) return failRefused(error, request.from);
    if (!(error instanceof FileNotFound)) throw error;
    return failWith('io', `File not found: ${session.displayName(request.path)}`, {
      ...(request.from ? { pos: request.from } : {}),
      hint: `Searched: ${request.path}`,
    });
  }
  session.charsRead += text.length;
  if (session.charsRead > MAX_SPEC_CHARS) {
    failWith('io', `The spec is larger than ${MAX_SPEC_CHARS / (1024 * 1024)} Mi characters (all files and includes together) after reading ${session.displayName(request.path)}`, {
      ...(request.from ? { pos: request.from } : {}),
      hint: 'Check for a file included many times, or split the design.',
    });
  }
  return text;
}

/** A read the file system refused (outside the design's folders, too large, a device), as a SpecError. */
export function failRefused(error: FileRefused, pos: SourcePos | undefined): never {
  return failWith('io', error.message, { ...(pos ? { pos } : {}), hint: error.hint });
}

function enter(session: LoadSession, request: FileRequest): void {
  if (session.stack.includes(request.path) || session.stack.length >= MAX_DEPTH) {
    const chain = [...session.stack, request.path].map((p) => session.displayName(p)).join(' → ');
    failWith('io', `Include cycle: ${chain}`, { ...(request.from ? { pos: request.from } : {}), hint: 'A file must not include itself, directly or indirectly.' });
  }
  session.stack.push(request.path);
}

function newState(request: FileRequest): FileRenderState {
  return { path: request.path, data: { ...request.data }, includeDirs: [...request.includeDirs], includes: new Map(), includeCount: 0 };
}

function childLoader(session: LoadSession): ChildLoader {
  return {
    load: (path, data, includeDirs) => {
      countInclude(session, path);
      return loadFile(session, { path, data, includeDirs });
    },
    renderText: (path, data, includeDirs) => {
      countInclude(session, path);
      return renderOnly(session, { path, data, includeDirs });
    },
  };
}

/** Jinja only (for include_text); the result keeps its position markers. */
export function renderOnly(session: LoadSession, request: FileRequest): string {
  const text = readText(session, request);
  enter(session, request);
  try {
    return renderFile(session, { path: request.path, text, state: newState(request), children: childLoader(session) });
  } finally {
    session.stack.pop();
  }
}

/** Loads one file into raw data; SourceIndex entries go into the session's index. */
export function loadFile(session: LoadSession, request: FileRequest): RawValue {
  const text = readText(session, request);
  enter(session, request);
  try {
    const state = newState(request);
    const fileId = session.fileId(request.path);
    const rendered = renderFile(session, { path: request.path, text, state, children: childLoader(session) });
    const positions = new PositionMap(rendered, session.fileNames, fileId);
    const raw = parseYamlToRaw(positions.text, {
      positions,
      sources: session.sources,
      includes: state.includes,
      legacyInclude: (path, pos) => {
        const absolute = joinPath(dirname(request.path), path);
        let real: string;
        try {
          real = session.fs.exists(absolute) ? session.fs.realPath(absolute) : absolute;
        } catch (error) {
          if (error instanceof FileRefused) failRefused(error, pos);
          throw error;
        }
        return loadFile(session, { path: real, data: request.data, includeDirs: request.includeDirs, from: pos });
      },
    });
    return applyHierarchicalMerges(raw, session.sources);
  } catch (error) {
    if (error instanceof SpecErrorException) throw error;
    return failWith('io', `Could not load ${session.nameOf(request.path)}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    session.stack.pop();
  }
}
