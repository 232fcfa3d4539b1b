/**
 * mapSpec's final front: every point carries the mapping that reaches it, and the chosen point
 * reuses the evaluated best mapping. simple + matmuls (N_EINSUMS=2, KN=M=64) has the regression
 * optimum 17235968 J / 524288 s (test/engine/model/simple-matmuls.test.ts) as its only point.
 */
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec } from '../../../src/engine/mapper/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const INPUT = {
  fs: new NodeFileSystem(),
  specFiles: [`${EXAMPLES}arches/simple.yaml`, `${EXAMPLES}workloads/basic/matmuls.yaml`],
  variables: { N_EINSUMS: 2, KN: 64, M: 64 },
};

describe('mapSpec front', () => {
  it('returns the final front with one mapping per point, the best one evaluated', () => {
    const mapped = mapSpec(INPUT);
    if (!mapped.ok) throw new Error(mapped.errors[0]?.message);
    const { front, bestIndex, pareto, mapping, mappingYaml, result } = mapped.value;
    expect(front.map((p) => [p.energy, p.latency])).toEqual([[17235968, 524288]]);
    expect(bestIndex).toBe(0);
    expect(pareto).toEqual([{ energy: 17235968, latency: 524288 }]);
    expect(front[0]?.mapping).toBe(mapping);
    expect(front[0]?.mappingYaml).toBe(mappingYaml);
    expect(result.energy()).toBe(17235968);
  });

  it('gives unfused points a mapping whose every tensor is backed in MainMemory', () => {
    const mapped = mapSpec(INPUT, { unfused: true });
    if (!mapped.ok) throw new Error(mapped.errors[0]?.message);
    const yaml = mapped.value.front[mapped.value.bestIndex]!.mappingYaml;
    for (const tensor of ['T0', 'W0', 'T1', 'W1', 'T2']) expect(yaml).toContain(`!Storage {tensors: [${tensor}], component: MainMemory}`);
  });
});
