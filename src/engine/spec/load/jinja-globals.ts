/** The Jinja globals AccelForge adds: path lookup and include()/include_all()/include_text(). */
import { SpecErrorException } from '../../base/errors.js';
import type { FileSystem } from '../../io/file-system.js';
import { basename, dirname } from '../../io/paths.js';
import type { RawValue } from '../raw.js';
import type { JinjaRun } from './jinja-env.js';
import { splitKeywordArgs } from './jinja-env.js';
import { isJinjaUndefined } from './jinja-undefined.js';
import { findPath, findPaths, type PathSearch } from './path-search.js';
import { pyTruthy } from './py-values.js';

/** What `!include_loaded <name>` refers to; `many` for include_all (a list, one per file). */
export interface IncludeResult {
  readonly value: RawValue;
  readonly many: boolean;
}

/** One file's render: its data dict grows with include results, its include dirs with add_to_path. */
export interface FileRenderState {
  /** Absolute real path of the file being rendered. */
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly includeDirs: string[];
  readonly includes: Map<string, IncludeResult>;
  includeCount: number;
}

/** Loads or renders another file with the given Jinja data and include dirs. */
export interface ChildLoader {
  load(path: string, data: Record<string, unknown>, includeDirs: string[]): RawValue;
  renderText(path: string, data: Record<string, unknown>, includeDirs: string[]): string;
}

interface CallContext {
  ctx?: Record<string, unknown>;
}

function describeSearch(search: PathSearch): string {
  return `Searched: ${search.searched.join(', ')}. Paths are relative to the including file, then to the directories added with add_to_path().`;
}

/** AccelForge's include name: `<including file stem>_<n>` with non-word characters removed. */
export function includeName(path: string, count: number): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${stem}_${count}`.replace(/\W/g, '');
}

export function createAccelForgeGlobals(
  fs: FileSystem,
  state: FileRenderState,
  run: JinjaRun,
  children: ChildLoader,
): Record<string, unknown> {
  const here = dirname(state.path);
  const requirePaths = (path: unknown, search: PathSearch): string[] => {
    if (search.found.length === 0) run.fail(`File not found: ${String(path)}`, describeSearch(search));
    return search.found;
  };
  const locate = (path: unknown) => requirePaths(path, findPaths(fs, String(path), here, state.includeDirs));
  const guarded = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof SpecErrorException) run.failure ??= error;
      throw error;
    }
  };

  function childData(context: CallContext, inherit: boolean, keywords: Record<string, unknown>): Record<string, unknown> {
    const data: Record<string, unknown> = { ...state.data };
    if (inherit) {
      for (const [name, value] of Object.entries(context.ctx ?? {})) {
        if (name.startsWith('_') || typeof value === 'function' || isJinjaUndefined(value)) continue;
        data[name] = value;
      }
    }
    return Object.assign(data, keywords);
  }

  function includeFiles(context: CallContext, args: unknown[], many: boolean): string {
    const { positional, keywords } = splitKeywordArgs(args);
    const { indices = positional[1] ?? '', inherit_parse_data = positional[2] ?? true, ...rest } = keywords;
    const paths = locate(positional[0]);
    if (!many && paths.length > 1) {
      run.fail(`include('${String(positional[0])}') matches ${paths.length} files: ${paths.join(', ')}`, 'Use include_all() to load several files.');
    }
    const name = includeName(state.path, state.includeCount++);
    const data = childData(context, pyTruthy(inherit_parse_data), rest);
    const loaded = guarded(() => paths.map((path) => children.load(path, data, [...state.includeDirs])));
    const value = many ? loaded : loaded[0]!;
    state.includes.set(name, { value, many });
    state.data[name] = value;
    const suffix = String(indices).replace(/^\.+/, '');
    return `!include_loaded ${name}${suffix ? `.${suffix}` : ''}`;
  }

  return {
    cwd: () => here,
    add_to_path: (path: unknown) => {
      for (const found of locate(path)) if (!state.includeDirs.includes(found)) state.includeDirs.push(found);
      return '';
    },
    find_path: (path: unknown) => requirePaths(path, findPath(fs, String(path), here, state.includeDirs))[0],
    find_paths: (path: unknown) => locate(path),
    path_exists: (path: unknown) => findPath(fs, String(path), here, state.includeDirs).found.length > 0,
    include(this: CallContext, ...args: unknown[]) {
      return includeFiles(this, args, false);
    },
    include_all(this: CallContext, ...args: unknown[]) {
      return includeFiles(this, args, true);
    },
    include_text(this: CallContext, ...args: unknown[]) {
      const { positional, keywords } = splitKeywordArgs(args);
      const { inherit_parse_data = positional[1] ?? true, ...rest } = keywords;
      const data = childData(this, pyTruthy(inherit_parse_data), rest);
      const paths = locate(positional[0]);
      return guarded(() => paths.map((path) => children.renderText(path, data, [...state.includeDirs])).join('\n'));
    },
  };
}
