import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { planMap } from '../../../src/engine/mapper/map-spec.js';
import { TemplateMemo, templateKey } from '../../../src/engine/mapper/template-memo.js';
import { runTemplateJob } from '../../../src/engine/mapper/tile-search.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;

function plan(arch: string, workload: string, variables: Record<string, unknown>) {
  const specFiles = [`${EXAMPLES}arches/${arch}.yaml`, `${EXAMPLES}workloads/${workload}.yaml`];
  const prepared = prepareSpec({ fs: new NodeFileSystem(), specFiles, variables });
  if (!prepared.ok) throw new Error(prepared.errors[0]!.message);
  return planMap(prepared.value, { unfused: true, maxFusedLoops: 1 });
}

const PREFILL = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 256 };

describe('template memo', () => {
  const p = plan('tpu_v4i', 'transformers/gpt/gpt3_6.7B', PREFILL);
  const first = (einsum: string) => p.jobs.find((j) => j.einsum === einsum)!;

  it('gives GPT-3 Q, K and V (same shapes, tensors renamed) one key, and FFA another', () => {
    const [q, k, v, ffa] = ['Q', 'K', 'V', 'FFA'].map((e) => templateKey(first(e), null));
    expect(q).not.toBeNull();
    expect(k).toBe(q);
    expect(v).toBe(q);
    expect(ffa).not.toBe(q);
  });

  it('refuses to share templates whose total_latency is a custom expression', () => {
    const eyeriss = plan('eyeriss', 'transformers/gpt/gpt3_6.7B', PREFILL);
    expect(templateKey(eyeriss.jobs[0]!, null)).toBeNull();
  });

  it("recalls K's front from Q's search: same figures, K's identity, fresh arrays, nothing evaluated", () => {
    const memo = new TemplateMemo();
    const context = { evaluateLatency: p.evaluateLatency, memo };
    const q = runTemplateJob(first('Q'), context);
    const k = runTemplateJob(first('K'), context);
    const kAlone = runTemplateJob(first('K'), { evaluateLatency: p.evaluateLatency });
    expect(q.evaluated).toBeGreaterThan(0);
    expect(k.evaluated).toBe(0);
    expect(k.jobId).toBe(first('K').id);
    expect(Array.from(k.energy)).toEqual(Array.from(kAlone.energy));
    expect(Array.from(k.latency)).toEqual(Array.from(kAlone.latency));
    expect(Array.from(k.tiles)).toEqual(Array.from(kAlone.tiles));
    expect(k.compat).toEqual(kAlone.compat);
    expect(k.energy.buffer).not.toBe(q.energy.buffer);
  });
});
