import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArchLeaf, LatencyEvaluator } from '../../../src/engine/model/types.js';
import { action, dim, leaf, mappingOf, matmul, run } from './builders.js';
import { expectMatchesRegression, regressionEntry } from './regression.js';
import { eyerissBranch, sequentialMapping } from './reference-mappings.js';

interface HwComponent {
  area: number;
  leak_power: number;
  actions: Record<string, { energy: number; throughput: number }>;
}
const HW = (
  JSON.parse(readFileSync(new URL('../../fixtures/model/hwcomponents_expected.json', import.meta.url), 'utf8').replace(
    /-?Infinity/g,
    (m) => (m.startsWith('-') ? '-1e999' : '1e999'), // the file is Python JSON with bare Infinity
  )) as Record<
    string,
    Record<string, HwComponent>
  >
).eyeriss!;

const GB_LATENCY = 'sum(a.n_calls for a in actions) / 32 / 200e6';
const MAC_LATENCY = 'sum(a.n_calls for a in actions) / 200e6';
const PE_FANOUT = 14 * 12;

/** The two custom total_latency expressions of eyeriss.yaml, as the expression evaluator would compute them. */
const evaluateLatency: LatencyEvaluator = (_component, expression, actions) => {
  const calls = actions.reduce((s, a) => s + a.nCalls, 0);
  if (expression === GB_LATENCY) return calls / 32 / 200e6;
  if (expression === MAC_LATENCY) return calls / 200e6;
  throw new Error(`unexpected expression ${expression}`);
};

function hwLeaf(name: string, kind: ArchLeaf['kind'], fanoutAbove: number, extra: Partial<ArchLeaf> = {}): ArchLeaf {
  const hw = HW[name]!;
  return leaf(name, kind, {
    actions: Object.entries(hw.actions).map(([n, a]) => action(n, a.energy, a.throughput, extra.bitsPerAction ? { bitsPerAction: extra.bitsPerAction } : {})),
    totalLeakPower: hw.leak_power * fanoutAbove,
    totalArea: hw.area * fanoutAbove,
    ...extra,
  });
}

/** examples/arches/eyeriss.yaml flattened for the MAC, evaluated for Matmul i. */
function eyerissArch(i: number): ArchLeaf[] {
  return [
    hwLeaf('MainMemory', 'memory', 1),
    hwLeaf('GlobalBuffer', 'memory', 1, { size: 1024 * 1024, totalLatency: GB_LATENCY, bitsPerAction: 64 }),
    leaf('ProcessingElement', 'container', {
      spatial: [dim('reuse_weight', 14, [`W${i}`]), dim('reuse_output', 12, [`T${i + 1}`])],
    }),
    hwLeaf('InputScratchpad', 'memory', PE_FANOUT, { size: 12 * 16 }),
    hwLeaf('WeightScratchpad', 'memory', PE_FANOUT, { size: 192 * 16 }),
    hwLeaf('OutputScratchpad', 'memory', PE_FANOUT, { size: 16 * 16 }),
    hwLeaf('MAC', 'compute', PE_FANOUT, { totalLatency: MAC_LATENCY }),
  ];
}

function eyerissRun(fused: boolean) {
  const einsums = [0, 1].map((i) => matmul(i, 64, 64, eyerissArch(i)));
  const mapping = mappingOf(sequentialMapping([eyerissBranch(0, fused), eyerissBranch(1, fused)]));
  const result = run(einsums, mapping, evaluateLatency);
  return result;
}

describe('docs/model.md §10.4 eyeriss|matmuls|KN=64,M=64,N_EINSUMS=2', () => {
  it('unfused: matches every regression figure', () => {
    const result = eyerissRun(false);
    expect(Math.abs(result.latency() / 5.859375e-5 - 1)).toBeLessThan(1e-12);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'W0', 'read')).toBe(2048);
    const spads = HW.InputScratchpad!.area + HW.WeightScratchpad!.area + HW.OutputScratchpad!.area + HW.MAC!.area;
    expect(result.totalArea()).toBeCloseTo(HW.GlobalBuffer!.area + PE_FANOUT * spads, 18);
    expect(result.components.map((c) => c.component)).toEqual(['MainMemory', 'GlobalBuffer', 'InputScratchpad', 'WeightScratchpad', 'OutputScratchpad', 'MAC']);
    expectMatchesRegression(result, regressionEntry('eyeriss|matmuls|KN=64,M=64,N_EINSUMS=2|unfused'));
  });

  it('fused (T1 backed by GlobalBuffer): matches every regression figure', () => {
    const result = eyerissRun(true);
    expect(Math.abs(result.latency() / 4.096e-5 - 1)).toBeLessThan(1e-12);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T1', 'write')).toBe(1024);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T1', 'read')).toBe(512);
    expectMatchesRegression(result, regressionEntry('eyeriss|matmuls|KN=64,M=64,N_EINSUMS=2|fused'));
  });
});
