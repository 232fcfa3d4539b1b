import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { createDefaultRegistry } from '../../../src/engine/components/index.js';
import { makePmappingTemplates, type TemplateJob } from '../../../src/engine/mapper/index.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;

function jobsFor(arch: string, unfused: boolean): TemplateJob[] {
  const p = prepareSpec({
    fs: new NodeFileSystem(),
    specFiles: [`${EXAMPLES}arches/${arch}.yaml`, `${EXAMPLES}workloads/basic/matmuls.yaml`],
    variables: { KN: 64, M: 64, N_EINSUMS: 2 },
  });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return makePmappingTemplates(p.value.evaluated, createDefaultRegistry(), {
    metric: 'edp', unfused, maxFusedLoops: 1, maxFusedLoopsPerRankVariable: 1, exploreLoopOrders: true, maxTemplatesPerEinsum: Infinity,
  });
}

/** `MainMemory:W0 t:m s:n0@reuse_output ...` with `*` on fused loops. */
function describeJob(job: TemplateJob): string {
  return job.nodes
    .map((n) => (n.kind === 'storage' ? `${n.component}:${n.tensor}` : `${n.kind[0]}:${n.rankVariable}${n.dim ? `@${n.dim}` : ''}${n.fused ? '*' : ''}`))
    .join(' ');
}

describe('template loops (docs/mapper.md §2.5–2.7)', () => {
  const simple = jobsFor('simple', true).filter((j) => j.einsum === 'Matmul0').map(describeJob);

  it('puts the outermost memory first in descending tensor order, all loops below it', () => {
    expect(simple[0]).toBe('MainMemory:W0 MainMemory:T1 MainMemory:T0 t:m t:n0 t:n1');
  });

  it('raises an inner node through loops irrelevant to it and drops loops its tensor fully indexes', () => {
    // W0[n0, n1] in the GlobalBuffer: m (irrelevant) is cut above it; below, only m remains.
    expect(simple).toContain('MainMemory:W0 MainMemory:T1 MainMemory:T0 t:n0 t:n1 GlobalBuffer:W0 t:m');
  });

  it('has one template per dataplacement and order of the inner storage nodes (16 for Matmul0)', () => {
    expect(simple).toHaveLength(16);
    expect(new Set(simple).size).toBe(16);
  });

  it('spreads only rank variables that do not index the reused tensor over eyeriss\' PE array', () => {
    const first = describeJob(jobsFor('eyeriss', true)[0]!);
    expect(first).toContain('s:m@reuse_weight');
    expect(first).toContain('s:n0@reuse_output');
    expect(first).not.toMatch(/s:n1/);
  });

  it('marks loops above a GlobalBuffer-backed intermediate as fused when fusion is allowed', () => {
    const fused = jobsFor('simple', false).map(describeJob);
    expect(fused).toContain('MainMemory:W0 MainMemory:T0 t:m* t:n1* GlobalBuffer:T1 t:m t:n0 t:n1');
  });
});
