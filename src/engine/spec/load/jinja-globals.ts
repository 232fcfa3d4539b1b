/** The Jinja globals AccelForge adds: path lookup and include()/include_all()/include_text(). */
import { SpecErrorException, specError, type SpecError } from '../../base/errors.js';
import { FileRefused, type FileSystem } from '../../io/file-system.js';
import { basename, dirname } from '../../io/paths.js';
import type { RawValue } from '../raw.js';
import { PyCallable, pyStr, simpleFunction, truthy, typeError, UndefinedValue, type PyKwargs, type PyValue, type Scope } from '../expr/index.js';
import { IncludeBudgetExceeded } from './include-budget.js';
import type { JinjaRun } from './jinja-run.js';
import { findPath, findPaths, type PathSearch } from './path-search.js';

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

/** Arguments of include()-like calls: the named parameters, and the rest (data for the child). */
function splitArguments(
  names: readonly string[],
  args: readonly PyValue[],
  kwargs: PyKwargs,
): { values: Map<string, PyValue>; rest: Map<string, PyValue> } {
  if (args.length > names.length) typeError(`expected at most ${names.length} positional arguments, got ${args.length}`);
  const values = new Map<string, PyValue>(args.map((arg, i) => [names[i]!, arg]));
  const rest = new Map<string, PyValue>();
  for (const [name, value] of kwargs) (names.includes(name) ? values : rest).set(name, value);
  return { values, rest };
}

/** `data[name] = value` that stays an own entry even for names like `__proto__`. */
function setEntry(data: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(data, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Re-places the include cap's error at this include() call, keeping it an IncludeBudgetExceeded. */
function blameThisCall(run: JinjaRun, found: SpecError): never {
  const { pos: _innerCall, ...unplaced } = found;
  try {
    run.failWith(unplaced);
  } catch (placed) {
    throw new IncludeBudgetExceeded((placed as SpecErrorException).specError);
  }
}

function pathText(path: PyValue | undefined): string {
  return path === undefined ? '' : pyStr(path);
}

/**
 * AccelForge's globals for one file's render, as interpreter functions. `context` is the
 * template's top-level scope: include() passes its variables on to the included file.
 */
export function createAccelForgeGlobals(
  fs: FileSystem,
  state: FileRenderState,
  run: JinjaRun,
  children: ChildLoader,
  context: () => Scope,
): Map<string, PyValue> {
  const here = dirname(state.path);
  const requirePaths = (path: PyValue | undefined, search: PathSearch): string[] => {
    if (search.found.length === 0) run.fail(`File not found: ${pathText(path)}`, describeSearch(search));
    return search.found;
  };
  const locate = (path: PyValue | undefined) => guarded(() => requirePaths(path, findPaths(fs, pathText(path), here, state.includeDirs)));
  const guarded = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      // A refused read (outside the design's folders, too large, a device) is reported at this call.
      if (error instanceof FileRefused) run.failWith(specError('io', error.message, { hint: error.hint }));
      if (error instanceof IncludeBudgetExceeded) blameThisCall(run, error.specError);
      if (error instanceof SpecErrorException && !error.specError.pos) run.failWith(error.specError);
      throw error;
    }
  };

  function childData(inherit: boolean, keywords: ReadonlyMap<string, PyValue>): Record<string, unknown> {
    const data: Record<string, unknown> = { ...state.data };
    if (inherit) {
      const scope = context();
      for (const name of scope.names()) {
        const value = scope.get(name) ?? null;
        if (name.startsWith('_') || value instanceof PyCallable || value instanceof UndefinedValue) continue;
        setEntry(data, name, value);
      }
    }
    for (const [name, value] of keywords) setEntry(data, name, value);
    return data;
  }

  function includeFiles(args: readonly PyValue[], kwargs: PyKwargs, many: boolean): string {
    const { values, rest } = splitArguments(['path', 'indices', 'inherit_parse_data'], args, kwargs);
    const path = values.get('path');
    const paths = locate(path);
    if (!many && paths.length > 1) {
      run.fail(`include('${pathText(path)}') matches ${paths.length} files: ${paths.join(', ')}`, 'Use include_all() to load several files.');
    }
    const name = includeName(state.path, state.includeCount++);
    const data = childData(truthy(values.get('inherit_parse_data') ?? true), rest);
    const loaded = guarded(() => paths.map((found) => children.load(found, data, [...state.includeDirs])));
    const value = many ? loaded : loaded[0]!;
    state.includes.set(name, { value, many });
    state.data[name] = value;
    const suffix = pathText(values.get('indices') ?? '').replace(/^\.+/, '');
    return `!include_loaded ${name}${suffix ? `.${suffix}` : ''}`;
  }

  function includeText(args: readonly PyValue[], kwargs: PyKwargs): string {
    const { values, rest } = splitArguments(['path', 'inherit_parse_data'], args, kwargs);
    const data = childData(truthy(values.get('inherit_parse_data') ?? true), rest);
    const paths = locate(values.get('path'));
    return guarded(() => paths.map((found) => children.renderText(found, data, [...state.includeDirs])).join('\n'));
  }

  const onePath = (name: string, body: (path: PyValue) => PyValue) => simpleFunction(name, (path = '') => body(path));
  return new Map<string, PyValue>([
    ['cwd', simpleFunction('cwd', () => here)],
    ['add_to_path', onePath('add_to_path', (path) => {
      for (const found of locate(path)) if (!state.includeDirs.includes(found)) state.includeDirs.push(found);
      return '';
    })],
    ['find_path', onePath('find_path', (path) => guarded(() => requirePaths(path, findPath(fs, pathText(path), here, state.includeDirs))[0]!))],
    ['find_paths', onePath('find_paths', (path) => locate(path))],
    ['path_exists', onePath('path_exists', (path) => guarded(() => findPath(fs, pathText(path), here, state.includeDirs).found.length > 0))],
    ['include', new PyCallable('include', (args, kwargs) => includeFiles(args, kwargs, false))],
    ['include_all', new PyCallable('include_all', (args, kwargs) => includeFiles(args, kwargs, true))],
    ['include_text', new PyCallable('include_text', (args, kwargs) => includeText(args, kwargs))],
  ]);
}
