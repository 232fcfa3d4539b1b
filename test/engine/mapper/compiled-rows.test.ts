import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { planMap } from '../../../src/engine/mapper/map-spec.js';
import { templateMappingNodes } from '../../../src/engine/mapper/pmapping-nodes.js';
import { forEachAssignment } from '../../../src/engine/mapper/tile-enumerate.js';
import { rankChains } from '../../../src/engine/mapper/tile-shapes.js';
import type { TemplateJob } from '../../../src/engine/mapper/types.js';
import { compileEinsumTemplate, evaluateEinsum, mappingPaths, type LatencyEvaluator } from '../../../src/engine/model/index.js';
import { SpecErrorException } from '../../../src/engine/base/errors.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;

interface Case {
  readonly arch: string;
  readonly workload: string;
  readonly variables: Record<string, unknown>;
  readonly unfused: boolean;
  /** The sample includes tiles that overflow a memory (both models must reject them). */
  readonly someInvalid?: boolean;
}

const CASES: readonly Case[] = [
  { arch: 'simple', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 2 }, unfused: false },
  { arch: 'tpu_v4i', workload: 'basic/three_matmuls_annotated', variables: {}, unfused: false },
  { arch: 'eyeriss', workload: 'cnns/mobilenet/mobilenet_28', variables: {}, unfused: true, someInvalid: true },
  { arch: 'simba', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 2 }, unfused: false },
  { arch: 'snowcat', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 2 }, unfused: false },
];

function jobsOf(c: Case) {
  const specFiles = [`${EXAMPLES}arches/${c.arch}.yaml`, `${EXAMPLES}workloads/${c.workload}.yaml`];
  const prepared = prepareSpec({ fs: new NodeFileSystem(), specFiles, variables: c.variables });
  if (!prepared.ok) throw new Error(prepared.errors[0]!.message);
  return planMap(prepared.value, { unfused: c.unfused, maxFusedLoops: 1 });
}

/** 12 assignments of the template spread over its first 20000, as (tiles, trip counts). */
function sampleRows(job: TemplateJob): [Int32Array, Int32Array][] {
  const chains = rankChains(job);
  const nLoops = job.nodes.filter((n) => n.kind !== 'storage').length;
  const out: [Int32Array, Int32Array][] = [];
  let k = 0;
  const pruned = { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 0 };
  const enough = new Error('enough rows');
  try {
    forEachAssignment(job, chains, nLoops, pruned, (tiles, bounds) => {
      // A fixed pseudo-random reservoir keeps the sample deterministic.
      if (k < 12) out.push([tiles.slice(), bounds.slice()]);
      else {
        const slot = (k * 2654435761) % (k + 1);
        if (slot < 12) out[slot] = [tiles.slice(), bounds.slice()];
      }
      if (++k === 20000) throw enough;
    });
  } catch (error) {
    if (error !== enough) throw error;
  }
  return out;
}

/** The full model's figures for one row, or the kind of error it reports. */
function modelFigures(job: TemplateJob, tiles: Int32Array, evaluate: LatencyEvaluator) {
  const built = templateMappingNodes(job.nodes, job.einsum, job.compute);
  built.loops.forEach((loop, i) => {
    loop.tile_shape = tiles[i]!;
  });
  try {
    const e = evaluateEinsum(job.modelEinsum, mappingPaths({ nodes: built.nodes })[0]!, new Map(job.tensorUse), evaluate);
    return { energy: e.energy.reduce((s, x) => s + x.energy, 0), latency: e.latency };
  } catch (error) {
    if (!(error instanceof SpecErrorException)) throw error;
    return { error: /spatial instances/.test(error.specError.message) ? 'fanout' : 'capacity' };
  }
}

function relativeError(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

describe('closed-form template model', () => {
  it.each(CASES)('matches the full model on sampled tile choices: $arch x $workload', (c) => {
    const plan = jobsOf(c);
    let compared = 0;
    let invalid = 0;
    for (const job of plan.jobs.filter((_, i) => i % 3 === 0)) {
      const built = templateMappingNodes(job.nodes, job.einsum, job.compute);
      const compiled = compileEinsumTemplate(job.modelEinsum, mappingPaths({ nodes: built.nodes })[0]!, new Map(job.tensorUse), plan.evaluateLatency);
      if (!compiled) {
        expect(job.modelEinsum.isCopyOperation).toBe(true);
        continue;
      }
      for (const [tiles, counts] of sampleRows(job)) {
        const out = { energy: 0, latency: 0 };
        const verdict = compiled.evaluate(counts, out);
        const expected = modelFigures(job, tiles, plan.evaluateLatency);
        if ('error' in expected) {
          expect(verdict).toBe(expected.error);
          invalid++;
          continue;
        }
        expect(verdict).toBeNull();
        expect(relativeError(out.energy, expected.energy)).toBeLessThan(1e-9);
        expect(relativeError(out.latency, expected.latency)).toBeLessThan(1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    if (c.someInvalid) expect(invalid).toBeGreaterThan(0);
  });
});

describe('template polynomials for partial pruning', () => {
  it('give every timed component its latency inputs, not only the Compute (tpu_v4i, unfused)', () => {
    const plan = jobsOf({ arch: 'tpu_v4i', workload: 'basic/matmuls', variables: { KN: 64, M: 64, N_EINSUMS: 1 }, unfused: true });
    const job = plan.jobs[0]!;
    const built = templateMappingNodes(job.nodes, job.einsum, job.compute);
    const compiled = compileEinsumTemplate(job.modelEinsum, mappingPaths({ nodes: built.nodes })[0]!, new Map(job.tensorUse), plan.evaluateLatency)!;
    // MainMemory (finite throughput, sum form) and the MAC; LocalBuffer and Register take no time.
    expect(compiled.polys.calls.filter((poly) => poly.size > 0)).toHaveLength(2);
  });
});
