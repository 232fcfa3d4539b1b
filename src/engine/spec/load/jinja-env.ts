/**
 * A nunjucks environment that behaves like AccelForge's Jinja2 one where the examples rely on
 * it: StrictUndefined, Python truthiness and str(), range()/dict(), min/max filters, True/False/
 * None, and the `{% assert %}` tag. Nunjucks has no hook for output or truth tests, so the
 * preprocessor routes them through the `__py` filter and the `__truthy` global defined here.
 */
import nunjucks from 'nunjucks';
import { SpecErrorException } from '../../base/errors.js';
import { isJinjaUndefined, isMissing, makeJinjaUndefined } from './jinja-undefined.js';
import { pyStr, pyTruthy, withDictMethods } from './py-values.js';

/** Line and column (1-based) in the template the user wrote. */
export interface TemplateLocation {
  line: number;
  col: number;
}

/** Per-render state shared by the injected helpers and the caller. */
export interface JinjaRun {
  /** Where the template is executing; updated by the `__loc` calls the preprocessor injects. */
  loc: TemplateLocation;
  /** Tags executed so far; a budget keeps runaway loops from hanging the loader. */
  steps: number;
  /** Builds the SpecError for the current location, remembers it, and throws it. */
  fail(message: string, hint?: string): never;
  /** The first SpecError raised during the render (nunjucks re-wraps thrown errors). */
  failure?: SpecErrorException;
}

/** Nunjucks keyword arguments arrive as a trailing object flagged `__keywords`. */
export function splitKeywordArgs(args: unknown[]): { positional: unknown[]; keywords: Record<string, unknown> } {
  const last = args[args.length - 1];
  if (typeof last === 'object' && last !== null && (last as Record<string, unknown>)['__keywords'] === true) {
    const keywords = { ...(last as Record<string, unknown>) };
    delete keywords['__keywords'];
    return { positional: args.slice(0, -1), keywords };
  }
  return { positional: args, keywords: {} };
}

const MAX_RANGE = 1_000_000;
const MAX_STEPS = 100_000;

function pythonRange(run: JinjaRun, args: unknown[]): number[] {
  const nums = args.map((a) => Number(a));
  const [start, stop, step] =
    nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  if (![start, stop, step].every(Number.isFinite) || step === 0) {
    run.fail(`range(${args.map(pyStr).join(', ')}) is not a valid range`);
  }
  const count = Math.max(0, Math.ceil((stop - start) / step));
  if (count > MAX_RANGE) run.fail(`range() with ${count} elements is too large`);
  return Array.from({ length: count }, (_, i) => start + i * step);
}

function pythonDict(...args: unknown[]): Record<string, unknown> {
  const { positional, keywords } = splitKeywordArgs(args);
  const base = positional[0];
  const out: Record<string, unknown> = {};
  if (Array.isArray(base)) {
    for (const pair of base) if (Array.isArray(pair)) out[String(pair[0])] = pair[1];
  } else if (typeof base === 'object' && base !== null) Object.assign(out, base);
  return withDictMethods(Object.assign(out, keywords));
}

function minMaxFilter(pick: (a: number, b: number) => boolean) {
  return (values: unknown): unknown => {
    const list = Array.isArray(values) ? values : [];
    let best: unknown = undefined;
    for (const v of list) if (best === undefined || pick(Number(v), Number(best))) best = v;
    return best;
  };
}

interface ParserLike {
  nextToken(): { value: string };
  parseSignature(a: null, b: boolean): unknown;
  advanceAfterBlockEnd(name: string): void;
}
interface NodesLike {
  CallExtension: new (ext: object, method: string, args: unknown) => unknown;
}

/** `{% assert cond %}` / `{% assert cond, message %}`: fails the render when cond is falsy. */
function makeAssertExtension(run: JinjaRun): nunjucks.Extension & { run: (...a: unknown[]) => string } {
  return {
    tags: ['assert'],
    parse(parser: unknown, nodes: unknown): unknown {
      const p = parser as ParserLike;
      const token = p.nextToken();
      const args = p.parseSignature(null, true);
      p.advanceAfterBlockEnd(token.value);
      return new (nodes as NodesLike).CallExtension(this, 'run', args);
    },
    run(_context: unknown, ...args: unknown[]): string {
      const { positional } = splitKeywordArgs(args);
      if (pyTruthy(positional[0])) return '';
      const message = positional.length > 1 ? pyStr(positional[1]) : `assertion failed on line ${run.loc.line}`;
      return run.fail(`Jinja assertion failed: ${message}`, 'Change the Jinja variables so the {% assert %} condition holds.');
    },
  };
}

/** A nunjucks environment configured like AccelForge's Jinja2 one, plus the given globals. */
export function createJinjaEnvironment(run: JinjaRun, globals: Record<string, unknown>): nunjucks.Environment {
  const env = new nunjucks.Environment(null, { autoescape: false });
  const undefinedFail = (name: string): never =>
    run.fail(`Jinja variable '${name}' is undefined`, `Define it with --set ${name}=VALUE, or give it a default: {{ ${name} | default(VALUE) }}.`);
  // Using an undefined value is an error (StrictUndefined); String() of a sentinel raises it.
  const requireDefined = (value: unknown): unknown => {
    if (value === undefined) return run.fail('Jinja expression is undefined (missing attribute or key?)', 'Check the attribute or key name, or add | default(VALUE).');
    if (isJinjaUndefined(value)) return String(value);
    return value;
  };
  const builtins: Record<string, unknown> = {
    True: true,
    False: false,
    None: null,
    range: (...args: unknown[]) => pythonRange(run, args),
    dict: pythonDict,
    __loc: (line: number, col: number) => {
      run.loc = { line, col };
      if (++run.steps > MAX_STEPS) run.fail(`The template ran more than ${MAX_STEPS} Jinja tags; is a loop too large?`);
      return '';
    },
    __truthy: (value: unknown) => pyTruthy(requireDefined(value)),
    ...globals,
  };
  for (const [name, value] of Object.entries(builtins)) env.addGlobal(name, value);
  // Every name that is neither data nor a global resolves to a strict-undefined sentinel.
  const holder = env as unknown as { globals: Record<string, unknown> };
  const real = holder.globals;
  holder.globals = new Proxy(real, {
    has: () => true,
    get: (target, key) =>
      typeof key === 'string' && !(key in target) ? makeJinjaUndefined(key, undefinedFail) : Reflect.get(target, key),
  });
  env.addFilter('default', (value: unknown, fallback: unknown = '', boolean = false) =>
    isMissing(value) || (boolean && !pyTruthy(value)) ? fallback : value,
  );
  env.addFilter('d', (value: unknown, fallback: unknown = '') => (isMissing(value) ? fallback : value));
  env.addFilter('min', minMaxFilter((a, b) => a < b));
  env.addFilter('max', minMaxFilter((a, b) => a > b));
  env.addFilter('__py', (value: unknown) => pyStr(requireDefined(value)));
  // addTest exists in nunjucks 3 but is missing from its type declarations.
  const tests = env as unknown as { addTest(name: string, test: (value: unknown) => boolean): void };
  tests.addTest('defined', (value) => !isMissing(value));
  tests.addTest('undefined', (value) => isMissing(value));
  env.addExtension('assert', makeAssertExtension(run));
  return env;
}
