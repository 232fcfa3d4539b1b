import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { createDefaultRegistry } from '../../../src/engine/components/index.js';
import { CapacityMemo } from '../../../src/engine/mapper/capacity-memo.js';
import { makeDataplacements } from '../../../src/engine/mapper/dataplacement.js';
import { joinFronts, makePmappingTemplates, mapSpec, runTemplateJob, type MapperEvent } from '../../../src/engine/mapper/index.js';
import { paretoIndices } from '../../../src/engine/mapper/pareto.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FIXTURES = new URL('../../fixtures/mapper/', import.meta.url).pathname;
const SIMPLE = [`${EXAMPLES}arches/simple.yaml`, `${EXAMPLES}workloads/basic/matmuls.yaml`];
const MATMULS = { KN: 64, M: 64, N_EINSUMS: 2 };

function prepared(files: string[]) {
  const p = prepareSpec({ fs: new NodeFileSystem(), specFiles: files, variables: MATMULS });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return p.value.evaluated;
}

describe('pareto kernels', () => {
  it('keeps the 2-D front sorted by energy, dropping dominated rows and later duplicates', () => {
    const energy = [5, 3, 4, 3, 1, 6];
    const latency = [1, 4, 2, 4, 9, 1];
    expect(paretoIndices(energy, latency, 'edp')).toEqual([4, 1, 2, 0]);
  });

  it('keeps one row for a single objective, ties broken by the other column', () => {
    expect(paretoIndices([2, 1, 1], [5, 7, 6], 'energy')).toEqual([2]);
    expect(paretoIndices([2, 1, 1], [5, 7, 6], 'latency')).toEqual([0]);
  });
});

describe('capacity memo', () => {
  it('skips tile vectors elementwise at least as large as a known overflow', () => {
    const memo = new CapacityMemo();
    memo.add(Int32Array.of(4, 2));
    expect(memo.dominated([4, 2])).toBe(true);
    expect(memo.dominated([8, 2])).toBe(true);
    expect(memo.dominated([2, 8])).toBe(false);
  });
});

describe('join', () => {
  it('Minkowski-sums two fronts and prunes to the Pareto set', () => {
    const left = [
      { energy: 1, latency: 10, picks: [[0, 0]] as [number, number][], compat: '' },
      { energy: 5, latency: 2, picks: [[0, 1]] as [number, number][], compat: '' },
    ];
    const right = {
      einsumIndex: 1,
      einsum: 'B',
      rows: [
        { energy: 2, latency: 3, picks: [[1, 0]] as [number, number][], compat: '' },
        { energy: 10, latency: 1, picks: [[1, 1]] as [number, number][], compat: '' },
      ],
    };
    const joined = joinFronts(left, right, 'edp');
    expect(joined.map((r) => [r.energy, r.latency])).toEqual([[3, 13], [7, 5], [15, 3]]);
    expect(joined[1]!.picks).toEqual([[0, 1], [1, 0]]);
  });
});

describe('dataplacements on the simple arch (Matmul0: T0, W0 → T1)', () => {
  const evaluated = prepared(SIMPLE);
  const einsum = evaluated.workload.einsums[0]!;
  const leaves = evaluated.arches[0]!.paths[0]!.leaves;
  const scope = evaluated.scope.child(einsum.symbols);

  it('unfused: MainMemory keeps all three tensors, the GlobalBuffer any subset (2^3)', () => {
    const placements = makeDataplacements(einsum, leaves, scope, { unfused: true });
    expect(placements).toHaveLength(8);
    for (const p of placements) expect(p[0]!.tensors).toEqual(['T0', 'T1', 'W0']);
  });

  it('fused: T1 is in MainMemory (then GlobalBuffer free: 8) or forced into the GlobalBuffer (4)', () => {
    const placements = makeDataplacements(einsum, leaves, scope, { unfused: false });
    expect(placements).toHaveLength(12);
    const withoutT1 = placements.filter((p) => !p[0]!.tensors.includes('T1'));
    expect(withoutT1).toHaveLength(4);
    for (const p of withoutT1) expect(p[1]!.tensors).toContain('T1');
  });
});

describe('template jobs', () => {
  it('are plain data, and each runs alone into a front whose optimum is docs/model.md §10.2', () => {
    const jobs = makePmappingTemplates(prepared(SIMPLE), createDefaultRegistry(), {
      metric: 'energy',
      unfused: true,
      maxFusedLoops: 1,
      maxFusedLoopsPerRankVariable: 1,
      exploreLoopOrders: true,
      maxTemplatesPerEinsum: Infinity,
    });
    const job = jobs[0]!;
    expect(structuredClone(job)).toEqual(job); // postMessage-safe: no functions or class instances
    expect(job.nodes.filter((n) => n.kind === 'storage').map((n) => n.component)).toEqual(['MainMemory', 'MainMemory', 'MainMemory']);
    const front = runTemplateJob(job);
    expect([...front.energy]).toEqual([8617984]);
    expect([...front.latency]).toEqual([262144]);
  });
});

describe('mapSpec driver', () => {
  it('streams templates, per-template, per-Einsum, join and final events', () => {
    const events: MapperEvent[] = [];
    const result = mapSpec({ fs: new NodeFileSystem(), specFiles: SIMPLE, variables: MATMULS }, { unfused: true, metric: 'edp' }, (e) => events.push(e));
    expect(result.ok).toBe(true);
    const count = (type: MapperEvent['type']) => events.filter((e) => e.type === type).length;
    expect(count('templates')).toBe(2);
    expect(count('template-done')).toBe(result.ok ? result.value.stats.templates : -1);
    expect(count('einsum-front')).toBe(2);
    expect(count('join-step')).toBe(1);
    expect(events[events.length - 1]).toEqual({ type: 'final', front: [{ energy: 17235968, latency: 524288 }] });
  });

  it('stops with a SpecError when cancelled', () => {
    const result = mapSpec({ fs: new NodeFileSystem(), specFiles: SIMPLE, variables: MATMULS }, { signal: { aborted: true } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toBe('mapping was cancelled');
  });

  it('explains which Einsum and which capacity rules out every mapping', () => {
    const files = [`${FIXTURES}tiny-buffer.yaml`, `${EXAMPLES}workloads/basic/matmuls.yaml`];
    const result = mapSpec({ fs: new NodeFileSystem(), specFiles: files, variables: MATMULS }, { metric: 'energy' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors[0]!;
    expect(error.kind).toBe('mapper');
    expect(error.message).toContain('Einsum Matmul0 has no valid mapping');
    expect(error.message).toContain('TinyBuffer');
    expect(error.hint).toBeDefined();
  });
});
