/** Templates of copy Einsums: the storage nodes AccelForge's copy pmappings keep (docs/model.md, "Copy Einsums"). */
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { createDefaultRegistry } from '../../../src/engine/components/index.js';
import { makePmappingTemplates, type TemplateJob } from '../../../src/engine/mapper/index.js';
import { copyStorageNodes, type PlacedNode } from '../../../src/engine/mapper/storage-order.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;

function copyJobs(): TemplateJob[] {
  const p = prepareSpec({
    fs: new NodeFileSystem(),
    specFiles: [`${EXAMPLES}arches/tpu_v4i.yaml`, `${EXAMPLES}workloads/transformers/gpt/gpt3_6.7B.yaml`],
    variables: { BATCH_SIZE: 1, DECODE: true, N_CACHED_TOKENS: 2047, N_NEW_TOKENS: 1 },
  });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const jobs = makePmappingTemplates(p.value.evaluated, createDefaultRegistry(), {
    metric: 'edp', unfused: false, maxFusedLoops: 1, maxFusedLoopsPerRankVariable: 1, exploreLoopOrders: true, maxTemplatesPerEinsum: Infinity,
  });
  return jobs.filter((j) => j.einsum === 'I');
}

function node(tensor: string, level: number, backing: boolean): PlacedNode {
  return { component: `L${level}`, leafIndex: level, tensor, backing, optional: false, persistent: false, level };
}

describe('copy Einsum templates', () => {
  it('cut every storage node after the last backing one', () => {
    const order = [node('I_in', 0, true), node('I', 1, true), node('I_in', 2, false), node('I', 2, false)];
    expect(copyStorageNodes(order)).toEqual(order.slice(0, 2));
  });

  it('drop a non-backing node in a memory where a tensor is backed, and keep one elsewhere', () => {
    // simba keeps input and output in its GlobalBuffer: AccelForge main returns MainMemory:I_in GlobalBuffer:I.
    const sameLevel = [node('I_in', 0, true), node('I_in', 1, false), node('I', 1, true)];
    expect(copyStorageNodes(sameLevel)).toEqual([sameLevel[0], sameLevel[2]]);
    const passThrough = [node('I_in', 0, true), node('I_in', 1, false), node('I', 2, true)];
    expect(copyStorageNodes(passThrough)).toEqual(passThrough);
  });

  it('leave out the LocalBuffer that tpu_v4i must keep input and output in (gpt3 input copy I)', () => {
    const storage = copyJobs().map((j) => j.nodes.filter((n) => n.kind === 'storage').map((n) => `${n.component}:${n.tensor}`).join(' '));
    // MainMemory keeps I_in (not an intermediate) and may keep I; GlobalBuffer keeps whatever MainMemory does not.
    expect(new Set(storage)).toEqual(new Set(['MainMemory:I_in GlobalBuffer:I', 'MainMemory:I_in MainMemory:I']));
  });
});
