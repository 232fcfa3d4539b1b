/**
 * Jinja escape attempts (issue 13 §1): every way we know from a template value to JavaScript's
 * `Function`. If a payload ran, it sets a flag in the child process and the case reports code
 * execution; otherwise each must end in a clear error on its own line naming what was refused.
 */
import type { FuzzCase } from '../harness/case-types.js';

/** Harmless proof of execution: the child checks this global after every job. */
const JS = '"globalThis.__FUZZ_PWNED__=1;return 1"';

function escape(name: string, statement: string, refused: RegExp, variables?: Record<string, unknown>): FuzzCase {
  return {
    name: `jinja escape: ${name}`,
    base: 'simple',
    mutations: [{ file: 'workload.yaml', prepend: `${statement}\n` }],
    ...(variables ? { variables } : {}),
    expect: { error: { messageIncludes: refused, pos: { file: 'workload.yaml', line: 1 }, hintPresent: true } },
  };
}

/** `{% set X = <value>.constructor(JS)() %}`: the classic one-liner on a global or literal. */
const viaConstructor = (value: string): FuzzCase =>
  escape(`${value}.constructor`, `{% set X = ${value}.constructor(${JS})() %}`, /constructor/i);

/** Two hops: a literal's constructor (String, Array...) and then its constructor, Function. */
const viaTwoHops = (value: string): FuzzCase =>
  escape(`${value}.constructor.constructor`, `{% set X = ${value}.constructor.constructor(${JS})() %}`, /constructor/i);

export const JINJA_ESCAPE_CASES: readonly FuzzCase[] = [
  ...['range', 'dict', 'include', 'include_text', 'find_paths', 'path_exists'].map(viaConstructor),
  // Jinja2 globals AccelForge's specs do not use: refusing them as undefined is as good.
  escape('cycler.constructor', `{% set X = cycler.constructor(${JS})() %}`, /constructor|undefined/i),
  escape('joiner.constructor', `{% set X = joiner.constructor(${JS})() %}`, /constructor|undefined/i),
  escape('namespace.constructor', `{% set X = namespace.constructor(${JS})() %}`, /constructor|undefined/i),
  escape('lipsum.constructor', `{% set X = lipsum.constructor(${JS})() %}`, /constructor|undefined/i),
  ...["''", '"abc"', '[]', '(1)', '{}', 'true'].map(viaTwoHops),
  escape('none.constructor.constructor', `{% set X = none.constructor.constructor(${JS})() %}`, /constructor|none/i),
  escape('subscript ["constructor"]', `{% set X = range["constructor"](${JS})() %}`, /constructor/i),
  escape('subscript built by ~', `{% set X = range["constr" ~ "uctor"](${JS})() %}`, /constructor/i),
  escape('subscript from a variable', `{% set k = "constructor" %}{% set X = range[k](${JS})() %}`, /constructor/i),
  escape('__proto__ chain', `{% set X = range.__proto__.constructor(${JS})() %}`, /__proto__|constructor/i),
  escape("''.__proto__.constructor.constructor", `{% set X = ''.__proto__.constructor.constructor(${JS})() %}`, /__proto__|constructor/i),
  escape('|attr("constructor")', `{% set X = (range | attr("constructor"))(${JS})() %}`, /attr|constructor/i),
  escape('|attr twice', `{% set X = ("" | attr("constructor") | attr("constructor"))(${JS})() %}`, /attr|constructor/i),
  escape('a stored constructor', `{% set f = range.constructor %}{% set X = f(${JS})() %}`, /constructor/i),
  escape('macro.constructor', `{% macro m() %}{% endmacro %}{% set X = m.constructor(${JS})() %}`, /constructor|macro/i),
  escape('loop.constructor', `{% for i in [1] %}{% set X = loop.constructor.constructor(${JS})() %}{% endfor %}`, /constructor/i),
  escape('list method .append.constructor', `{% set X = [].append.constructor(${JS})() %}`, /append|constructor/i),
  escape('string method .upper.constructor', `{% set X = "abc".upper.constructor(${JS})() %}`, /upper|constructor/i),
  escape('dict method .items.constructor', `{% set X = {}.items.constructor(${JS})() %}`, /items|constructor/i),
  escape('cycler instance method', `{% set X = cycler(1, 2).next.constructor(${JS})() %}`, /next|constructor|cycler/i),
  escape('nunjucks internal __truthy', `{% set X = __truthy.constructor(${JS})() %}`, /__truthy|constructor|undefined/i),
  escape('nunjucks internal __loc', `{% set X = __loc.constructor(${JS})() %}`, /__loc|constructor|undefined/i),
  escape('Python __class__.__mro__', "{% set X = ''.__class__.__mro__[1].__subclasses__() %}", /__class__|attribute|undefined/i),
  escape('str.format attribute lookup', "{% set X = '{0.constructor.constructor}'.format(range) %}{{ X }}", /format|constructor/i),
  escape('a --set string variable', `{% set X = payload.constructor.constructor(${JS})() %}`, /constructor/i, { payload: 'x' }),
  escape('constructor.call', `{% set X = range.constructor.call(none, ${JS})() %}`, /constructor|call/i),
  {
    name: 'jinja escape: constructor inside a YAML value',
    base: 'simple',
    mutations: [{ file: 'workload.yaml', find: '- name: Matmul{{i}}', replace: `- name: Matmul{{ range.constructor(${JS})() }}` }],
    expect: { error: { messageIncludes: /constructor/i, pos: { at: 'Matmul{{', col: 'any' }, hintPresent: true } },
  },
];
