import { describe, expect, it } from 'vitest';
import { evaluateMapping } from '../../../src/engine/model/index.js';
import type { ArchLeaf, ModelEinsum } from '../../../src/engine/model/types.js';
import { compute, dim, mappingOf, memory, tensor } from './builders.js';

/** GPT-3 6.7B prefill layer (2048 tokens), as in examples/workloads/transformers. */
const LAYER = [
  'V[b,m,h,e] = I[b,m,d] * WV[h,e,d]',
  'K[b,m,h,e] = I[b,m,d] * WK[h,e,d]',
  'Q[b,m,h,e] = I[b,m,d] * WQ[h,e,d]',
  'QK[b,m,p,h] = Q[b,m,h,e] * K[b,p,h,e]',
  'AV[b,m,h,f] = QK[b,m,p,h] * V[b,p,h,f]',
  'Z[b,m,g] = AV[b,m,h,f] * WZ[h,f,g]',
  'FFA[b,m,c] = Z[b,m,g] * WFFA[g,c]',
  'FFB[b,m,j] = FFA[b,m,c] * WFFB[c,j]',
];
const BOUNDS: Record<string, number> = { b: 1, m: 2048, d: 4096, h: 32, e: 128, p: 2048, f: 128, g: 4096, c: 16384, j: 4096 };

function parseAccess(text: string): { name: string; vars: string[] } {
  const [, name, vars] = /(\w+)\[([^\]]*)\]/.exec(text)!;
  return { name: name!, vars: vars!.split(',') };
}

function arch(inputs: string[], output: string): ArchLeaf[] {
  return [
    memory('MainMemory', 7e-12, 7e-12, 5e12),
    memory('GlobalBuffer', 2e-12, 2e-12, 1.6e13, { size: 1e12, totalLatency: 'max(a.n_calls / a.throughput for a in actions)' }),
    memory('LocalBuffer', 2e-13, 3e-13, Infinity, { size: 1e12, spatial: [dim('Z', 4, [])] }),
    memory('Register', 0, 0, Infinity, { size: 1e12, spatial: [dim('X', 128, inputs), dim('Y', 128, [output])] }),
    compute('MAC', 8e-14, 1e9),
  ];
}

function layer(): { einsums: ModelEinsum[]; yaml: string } {
  const einsums: ModelEinsum[] = [];
  const branches: string[] = [];
  for (const [i, text] of LAYER.entries()) {
    const [lhs, rhs] = text.split(' = ');
    const out = parseAccess(lhs!);
    const ins = rhs!.split(' * ').map(parseAccess);
    const vars = [...new Set([...out.vars, ...ins.flatMap((a) => a.vars)])];
    const name = `E${i}`;
    einsums.push({
      name,
      rankBounds: Object.fromEntries(vars.map((v) => [v, BOUNDS[v]!])),
      tensors: [...ins.map((a) => tensor(a.name, a.vars)), tensor(out.name, out.vars, { output: true })],
      isCopyOperation: false,
      nInstances: 1,
      arch: arch(ins.map((a) => a.name), out.name),
      offPath: [],
    });
    const all = [...ins.map((a) => a.name), out.name];
    const outer = vars.filter((v) => BOUNDS[v]! >= 16).map((v) => `      - !Temporal {rank_variable: ${v}, tile_shape: ${BOUNDS[v]! / 8}}`);
    const inner = vars.map((v) => `      - !Temporal {rank_variable: ${v}, tile_shape: 1}`);
    branches.push(`
    - !Nested
      nodes:
      - !Storage {tensors: [${all.join(', ')}], component: MainMemory}
${outer.join('\n')}
      - !Storage {tensors: [${all.join(', ')}], component: GlobalBuffer}
      - !Spatial {rank_variable: m, tile_shape: ${BOUNDS.m! / 32}, name: Z, component: LocalBuffer}
      - !Storage {tensors: [${ins[0]!.name}, ${out.name}], component: LocalBuffer}
      - !Spatial {rank_variable: m, tile_shape: ${BOUNDS.m! / 256}, name: X, component: Register}
      - !Storage {tensors: [${ins[1]!.name}], component: Register}
${inner.join('\n')}
      - !Compute {einsum: ${name}, component: MAC}`);
  }
  return { einsums, yaml: `mapping:\n  nodes:\n  - !Sequential\n    nodes:${branches.join('')}\n` };
}

describe('model performance', () => {
  it('evaluates a GPT-3 6.7B layer in under 5 ms', () => {
    const { einsums, yaml } = layer();
    const input = { einsums, mapping: mappingOf(yaml) };
    const first = evaluateMapping(input);
    expect(first.ok ? first.value.einsums.length : first.errors).toBe(LAYER.length);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      evaluateMapping(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // The best run: the machine is shared, so medians swing with other load.
    expect(times[0]).toBeLessThan(5);
  });
});
