/**
 * Resource attacks (issue 13 §6): alias bombs, huge loops and strings, huge ranks, huge sweeps.
 * Each must end within the case's time limit and the child's capped heap, with a clear error
 * (or, for a huge rank, a result); never a hang or an out-of-memory death.
 */
import type { Expected, FuzzCase } from '../harness/case-types.js';
import { ONE_MATMUL } from './one-matmul.js';

/** Nine levels of ten aliases each: 10^9 leaves from a 600-byte document. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level <= 9; level++) {
    const ref = `*a${level - 1}`;
    lines.push(`a${level}: &a${level} [${Array(10).fill(ref).join(', ')}]`);
  }
  return lines.join('\n');
}

/** The bomb under `variables:` of the one-matmul spec, its anchors on lines 2 to 11. */
const BOMB_SPEC = `variables:\n${aliasBomb()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}\n${ONE_MATMUL}`;

function jinja(name: string, statement: string, limit: RegExp): FuzzCase {
  return {
    name: `resources: ${name}`,
    base: 'simple',
    mutations: [{ file: 'workload.yaml', prepend: `${statement}\n` }],
    expect: { error: { messageIncludes: limit, pos: { file: 'workload.yaml', line: 1 }, hintPresent: true } },
  };
}

/** The simple example with rank m of size `size`; the error (if any) points at m's bound. */
function hugeRank(name: string, size: number, ops: FuzzCase['ops'], extra: Partial<FuzzCase> = {}): FuzzCase {
  // The error may name the rank at its bound (line 8) or at the Einsum that uses it (line 18).
  const expect: Expected = { okOrError: { messageIncludes: /large|rank|limit|time|size/i, pos: { file: 'workload.yaml', line: [8, 18] }, hintPresent: true } };
  return { name: `resources: ${name}`, base: 'simple', variables: { M: size, N_EINSUMS: 1 }, ops, expect, ...extra };
}

/** The one-matmul mapping wrapped in `depth` levels of !Nested, in flow style on one line. */
function deepMapping(depth: number): string {
  const head = ONE_MATMUL.slice(0, ONE_MATMUL.indexOf('mapping:'));
  let nodes =
    '[!Storage {tensors: [T0, W0, T1], component: MainMemory}, !Storage {tensors: [T0, W0, T1], component: GlobalBuffer}, ' +
    '!Temporal {rank_variable: m, tile_shape: 1}, !Temporal {rank_variable: n0, tile_shape: 1}, !Temporal {rank_variable: n1, tile_shape: 1}, ' +
    '!Compute {einsum: Matmul0, component: MAC}]';
  for (let level = 0; level < depth; level++) nodes = `[!Nested {nodes: ${nodes}}]`;
  return `${head}mapping:\n  nodes: ${nodes}\n`;
}

/** Each level includes the next one twice: 2^depth loads from a few lines of text. */
function includeFanOut(depth: number): Record<string, string> {
  const twice = (next: string): string => `{% set A = include("${next}") %}{% set B = include("${next}") %}\n`;
  const files: Record<string, string> = { 'spec.yaml': `${twice('l1.yaml')}${ONE_MATMUL}` };
  for (let level = 1; level < depth; level++) files[`l${level}.yaml`] = `${twice(`l${level + 1}.yaml`)}x: 1\n`;
  files[`l${depth}.yaml`] = 'x: 1\n';
  return files;
}

/** The CLI's sweep verb on the simple example: a bad `--vary` is a command-line error. */
function sweep(name: string, cliArgs: readonly string[], refused: RegExp): FuzzCase {
  return {
    name: `resources: ${name}`,
    base: 'simple',
    via: 'cli',
    ops: ['sweep'],
    variables: { N_EINSUMS: 1 },
    cliArgs,
    expect: { error: { messageIncludes: refused, pos: { commandLine: true }, hintPresent: true } },
  };
}

export const RESOURCE_CASES: readonly FuzzCase[] = [
  {
    name: 'resources: YAML alias bomb (10^9 leaves)',
    files: { 'spec.yaml': BOMB_SPEC },
    ops: ['check'],
    expect: { error: { messageIncludes: /alias/i, pos: { file: 'spec.yaml', line: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, hintPresent: true } },
  },
  {
    name: 'resources: alias bomb through merge keys',
    files: {
      'spec.yaml': `variables:\n  a0: &a0 {k0: [x, x, x, x, x, x, x, x, x, x]}\n${Array.from({ length: 8 }, (_, i) => `  a${i + 1}: &a${i + 1} {${Array.from({ length: 10 }, (__, j) => `k${j}: *a${i}`).join(', ')}}`).join('\n')}\n${ONE_MATMUL}`,
    },
    ops: ['check'],
    expect: { error: { messageIncludes: /alias/i, pos: { file: 'spec.yaml', line: [2, 3, 4, 5, 6, 7, 8, 9, 10] }, hintPresent: true } },
  },
  jinja('range(10**9) loop', '{% for i in range(10**9) %}{% endfor %}', /large|range|limit/i),
  jinja('nested loops of 4e8 steps', '{% for i in range(20000) %}{% for j in range(20000) %}{% endfor %}{% endfor %}', /large|limit|steps|time/i),
  jinja('10^10 characters by repeated concatenation', `{% set s = "xxxxxxxxxx" %}${'{% set s = s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s %}'.repeat(9)}# {{ s }}`, /large|limit|output|size|long/i),
  jinja('"x" * 200000000', '# {{ "x" * 200000000 }}', /large|limit|output|size|string/i),
  jinja('"x" * 10**12', '# {{ "x" * 10**12 }}', /large|limit|output|size|string/i),
  jinja('string doubling in a loop', '{% set s = namespace(v="x") %}{% for i in range(40) %}{% set s.v = s.v ~ s.v %}{% endfor %}', /large|limit|output|size|string|namespace/i),
  jinja('include() in a loop of 2000', '{% for i in range(2000) %}{% set X = include("arch.yaml") %}{% endfor %}', /include|limit|large|many/i),
  {
    name: 'resources: include fan-out of 2^20 loads',
    files: includeFanOut(20),
    ops: ['check'],
    // The cap may trip in any level; the top file's include line is where the user can act.
    expect: { error: { messageIncludes: /include|limit|large|many/i, pos: { file: 'spec.yaml', line: 1 }, hintPresent: true } },
  },
  {
    name: 'resources: 10000-deep YAML flow nesting',
    files: { 'spec.yaml': `variables:\n  deep: ${'['.repeat(10000)}1${']'.repeat(10000)}\n${ONE_MATMUL}` },
    ops: ['check'],
    // A nesting limit is a fine answer; a JavaScript stack overflow passed on as a message is not.
    expect: { okOrError: { messageIncludes: /^(?!.*call stack).*(deep|nest)/i, pos: { file: 'spec.yaml', line: 2 }, hintPresent: true } },
  },
  {
    name: 'resources: 1000-deep !Nested mapping',
    files: { 'spec.yaml': deepMapping(1000) },
    ops: ['check', 'evaluate'],
    expect: { okOrError: { messageIncludes: /^(?!.*call stack).*(deep|nest)/i, pos: { file: 'spec.yaml', line: [39, 40] }, hintPresent: true }, energy: 2752 },
  },
  hugeRank('rank of 2^40 in check', 2 ** 40, ['check']),
  hugeRank('rank of 2^40 in the mapper', 2 ** 40, ['map']),
  hugeRank('rank of 2^30 in the mapper', 2 ** 30, ['map']),
  hugeRank('rank of 2^53 + 1 in the mapper', 2 ** 53 + 2, ['map']),
  {
    name: 'resources: three ranks of 2^40 (2^120 MACs)',
    base: 'simple',
    variables: { M: 2 ** 40, KN: 2 ** 40, N_EINSUMS: 1 },
    ops: ['check', 'map'],
    expect: { okOrError: { messageIncludes: /large|rank|limit|time|size/i, pos: { file: 'workload.yaml', line: [8, 10, 18] }, hintPresent: true } },
  },
  sweep('sweep of 10^9 points', ['--vary', 'M=lin:1:1e9:1e9'], /points|too many|limit/i),
  sweep('sweep of 10^5 x 10^5 points', ['--vary', 'M=lin:1:100000:100000', '--vary', 'KN=lin:1:100000:100000'], /points|too many|limit/i),
  sweep('sweep value 1e400 (infinite)', ['--vary', 'M=1e400'], /1e400|finite|infinit|number/i),
  {
    name: 'resources: components --json keeps infinite throughput',
    base: 'simple',
    via: 'cli',
    ops: ['components'],
    cliArgs: ['--json'],
    expect: { ok: true, outputIncludes: ['"throughput": "Infinity"'] },
  },
];
