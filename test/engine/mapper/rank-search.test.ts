import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { planMap } from '../../../src/engine/mapper/map-spec.js';
import { paretoMinimal } from '../../../src/engine/mapper/pareto-minimal.js';
import { runTemplateJob } from '../../../src/engine/mapper/tile-search.js';
import type { TemplateFront } from '../../../src/engine/mapper/types.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;

function plan(arch: string, workload: string, variables: Record<string, unknown>, unfused: boolean, metric: 'edp' | 'energy') {
  const specFiles = [`${EXAMPLES}arches/${arch}.yaml`, `${EXAMPLES}workloads/${workload}.yaml`];
  const prepared = prepareSpec({ fs: new NodeFileSystem(), specFiles, variables });
  if (!prepared.ok) throw new Error(prepared.errors[0]!.message);
  return planMap(prepared.value, { unfused, maxFusedLoops: 1, metric });
}

/** The (compatibility, energy, latency) points of a template front, in a canonical order. */
function points(front: TemplateFront): string[] {
  return Array.from(front.energy, (e, r) => `${front.compat[r]} ${e.toPrecision(10)} ${front.latency[r]!.toPrecision(10)}`).sort();
}

describe('pareto-minimal', () => {
  it('keeps rows no other row beats in every column, first of equal rows', () => {
    // rows: (1,5) (2,2) (3,1) (2,6) (2,2) (4,4)
    const values = Float64Array.of(1, 5, 2, 2, 3, 1, 2, 6, 2, 2, 4, 4);
    expect(paretoMinimal(values, 2, [0, 1, 2, 3, 4, 5]).sort()).toEqual([0, 1, 2]);
  });
});

describe('rank-by-rank search with partial pruning', () => {
  const cases = [
    { arch: 'tpu_v4i', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 2 }, unfused: false, metric: 'edp' as const },
    { arch: 'eyeriss', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 2 }, unfused: false, metric: 'edp' as const, prunes: true },
    { arch: 'simba', workload: 'basic/three_matmuls_annotated', variables: {}, unfused: true, metric: 'energy' as const, prunes: true },
    { arch: 'snowcat', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 2 }, unfused: false, metric: 'edp' as const },
  ];
  it.each(cases)('finds the same template fronts as the exhaustive full model: $arch x $workload', (c) => {
    const p = plan(c.arch, c.workload, c.variables, c.unfused, c.metric);
    let evaluatedExhaustive = 0;
    let evaluatedPruned = 0;
    const jobs = p.jobs.filter((_, i) => i % 2 === 0).slice(0, 24);
    for (const job of jobs) {
      const exhaustive = runTemplateJob(job, { evaluateLatency: p.evaluateLatency, closedForm: false });
      const pruned = runTemplateJob(job, { evaluateLatency: p.evaluateLatency, pruneAt: 1 });
      expect(points(pruned)).toEqual(points(exhaustive));
      evaluatedExhaustive += exhaustive.evaluated;
      evaluatedPruned += pruned.evaluated;
    }
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    // The pruned search must actually have dropped partial rows for the comparison to mean anything.
    if ('prunes' in c) expect(evaluatedPruned).toBeLessThan(evaluatedExhaustive);
    else expect(evaluatedPruned).toBeLessThanOrEqual(evaluatedExhaustive);
  });
});
