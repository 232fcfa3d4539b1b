/**
 * Names that collide with JavaScript object keys (issue 13 §7): a tensor, Einsum, rank variable,
 * component or variable called `toString`, `__proto__` or `constructor` either works exactly
 * like any other name (same energy) or gets a clear error at the name; never NaN or a crash.
 */
import type { FuzzCase } from '../harness/case-types.js';
import { ONE_MATMUL, ONE_MATMUL_ENERGY } from './one-matmul.js';

const PROTO_NAMES = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'] as const;

/** Every whole-word occurrence of `from` in the one-matmul spec becomes `to`. */
function renamed(from: string, to: string, text = ONE_MATMUL): string {
  return text.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
}

function nameCase(role: string, from: string, name: string, text = renamed(from, name)): FuzzCase {
  return {
    name: `names: ${role} named ${name}`,
    files: { 'spec.yaml': text },
    expect: { okOrError: { messageIncludes: name, pos: { file: 'spec.yaml', at: name }, hintPresent: true }, energy: ONE_MATMUL_ENERGY },
    ops: ['check', 'evaluate'],
  };
}

/** GlobalBuffer's size read from a spec variable called `name` (1 Gbit: the energy does not change). */
function specVariable(name: string): string {
  const glb = '    name: GlobalBuffer\n    size: inf';
  return `variables: {${name}: 1000000000}\n${ONE_MATMUL.replace(glb, `    name: GlobalBuffer\n    size: ${name}`)}`;
}

/** The `m` bound read from a Jinja variable called `name`. */
function jinjaVariable(name: string): string {
  return `{% set ${name} = 4 %}\n${ONE_MATMUL.replace('m: 0 <= m < 4', `m: 0 <= m < {{ ${name} }}`)}`;
}

/** The simple example's first Einsum name gets `template` appended: a wrong text here is silent. */
function inEinsumName(name: string, template: string, expect: FuzzCase['expect']): FuzzCase {
  return {
    name: `names: ${name}`,
    base: 'simple-unmapped',
    variables: { N_EINSUMS: 1 },
    mutations: [{ file: 'workload.yaml', find: '- name: Matmul{{i}}', replace: `- name: Matmul{{i}}${template}` }],
    expect,
  };
}

const undefinedJinja = (name: string): FuzzCase =>
  inEinsumName(`undefined Jinja variable ${name}`, `_{{ ${name} }}`, {
    error: { messageIncludes: [name, 'undefined'], pos: { at: `{{ ${name} }}`, col: 'any' }, hintPresent: true },
  });

export const NAME_CASES: readonly FuzzCase[] = [
  ...PROTO_NAMES.map((name) => nameCase('tensor', 'W0', name)),
  ...PROTO_NAMES.map((name) => nameCase('output tensor', 'T1', name)),
  ...PROTO_NAMES.map((name) => nameCase('Einsum', 'Matmul0', name)),
  ...['tostring', '__proto__', 'constructor', 'valueof'].map((name) => nameCase('rank variable', 'n0', name)),
  ...PROTO_NAMES.map((name) => nameCase('component', 'GlobalBuffer', name)),
  ...['toString', '__proto__', 'constructor'].map((name) => nameCase('spec variable', '', name, specVariable(name))),
  ...['toString', '__proto__', 'constructor'].map((name) => nameCase('Jinja variable', '', name, jinjaVariable(name))),
  // An unknown name is an error (StrictUndefined), whatever JavaScript's objects happen to hold.
  ...['toString', '__proto__', 'constructor', 'valueOf'].map(undefinedJinja),
  // A sweep's field path walks the raw tree: `__proto__` must not lead into Object.prototype.
  ...['arch.__proto__.polluted', 'arch.nodes[0].__proto__.size', 'arch.constructor.prototype.x'].map(
    (path): FuzzCase => ({
      name: `names: sweep field path ${path}`,
      base: 'simple-unmapped',
      via: 'cli',
      ops: ['sweep'],
      variables: { N_EINSUMS: 1 },
      cliArgs: ['--vary', `${path}=1,2`],
      expect: { error: { messageIncludes: /no field|not a mapping|bad sweep field path/i, pos: { commandLine: true }, hintPresent: true } },
    }),
  ),
  inEinsumName('loop variable named constructor', '{% for constructor in [7] %}_{{ constructor }}{% endfor %}', { ok: true, outputIncludes: ['"Matmul0_7"'] }),
  inEinsumName('set variable named hasOwnProperty', '{% set hasOwnProperty = 7 %}_{{ hasOwnProperty }}', { ok: true, outputIncludes: ['"Matmul0_7"'] }),
];
