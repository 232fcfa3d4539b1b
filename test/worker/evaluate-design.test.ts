/**
 * evaluateDesign through the worker's EngineApi on the bundled examples. Expected values from
 * `npm run cli -- evaluate` on simple + matmuls + unfused_matmuls_to_simple with N_EINSUMS=2,
 * KN=M=64: energy 17629184, latency 524288 (each Einsum does 64³ = 262144 MACs at 1 per cycle).
 */
import { describe, expect, it } from 'vitest';
import type { DesignFiles, EvaluationData } from '../../src/engine/index.js';
import { BUNDLED_FILES } from '../../src/ui/features/examples/bundle.js';
import { createEngineApi, EVALUATE_UNAVAILABLE } from '../../src/worker/engine-api.js';

const MAPPING = 'mappings/unfused_matmuls_to_simple.yaml';
const DESIGN: DesignFiles = {
  files: BUNDLED_FILES,
  specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml', MAPPING],
  variables: { KN: 64, M: 64, N_EINSUMS: 2 },
};

async function evaluated(design: DesignFiles): Promise<EvaluationData> {
  const result = await createEngineApi().evaluateDesign(design);
  expect(result.errors).toEqual([]);
  if (result.evaluation === null) throw new Error('no evaluation');
  return result.evaluation;
}

describe('evaluateDesign', () => {
  it('returns the totals and breakdowns the CLI prints', async () => {
    const data = await evaluated(DESIGN);
    expect(data.totals.energy).toBe(17629184);
    expect(data.totals.latency).toBe(524288);
    expect(data.totals.edp).toBe(17629184 * 524288);
    expect(data.totals.computeOps).toBe(2 * 64 ** 3);
    expect(data.totals.energyPerCompute).toBeCloseTo(17629184 / (2 * 64 ** 3), 12);
    expect(data.energy).toContainEqual({ einsum: 'Matmul0', component: 'GlobalBuffer', tensor: 'T0', action: 'read', energy: 2097152 });
    expect(data.actions).toContainEqual({ einsum: 'Matmul0', component: 'MAC', tensor: null, action: 'compute', count: 262144 });
    expect(data.latency).toContainEqual({ einsum: 'Matmul1', component: 'MAC', latency: 262144 });
    expect(data.einsums.map((e) => [e.einsum, e.latency, e.computeOps])).toEqual([
      ['Matmul0', 262144, 262144],
      ['Matmul1', 262144, 262144],
    ]);
    expect(data.einsums[0]!.energy + data.einsums[1]!.energy).toBe(17629184);
    expect(data.memoryUsage.filter((m) => m.einsum === undefined).map((m) => m.component).sort()).toEqual(['GlobalBuffer', 'MainMemory']);
    expect(data.memoryUsage).toContainEqual(expect.objectContaining({ einsum: 'Matmul1', component: 'GlobalBuffer', tensor: 'W1' }));
  });

  it('builds the LoopTree DTO: five backing stores, then a Sequential with one branch per Einsum', async () => {
    const data = await evaluated(DESIGN);
    const kinds: string[] = [];
    let node = data.loopTree[0];
    while (node !== undefined && node.children.length === 1) {
      kinds.push(node.kind);
      node = node.children[0];
    }
    expect(kinds).toEqual(['storage', 'storage', 'storage', 'storage', 'storage']);
    expect(node?.kind).toBe('sequential');
    const branch = node!.children[0]!;
    expect(branch).toMatchObject({ kind: 'storage', component: 'GlobalBuffer', tensors: ['T0', 'W0', 'T1'] });
    expect(branch.children[0]).toMatchObject({ kind: 'temporal', rankVariable: 'm', tileShape: 1 });
    const leaves: string[] = [];
    const walk = (n: typeof branch) => (n.kind === 'compute' ? leaves.push(`${n.detail}@${n.component}`) : n.children.forEach(walk));
    node!.children.forEach(walk);
    expect(leaves).toEqual(['Matmul0@MAC', 'Matmul1@MAC']);
  });

  it('prints a mapping YAML that evaluates to the same energy in place of the original', async () => {
    const data = await evaluated(DESIGN);
    expect(data.mappingYaml.startsWith('mapping:\n')).toBe(true);
    const again = await evaluated({ ...DESIGN, files: { ...BUNDLED_FILES, 'printed.yaml': data.mappingYaml }, specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml', 'printed.yaml'] });
    expect(again.totals.energy).toBe(17629184);
    expect(again.mappingYaml).toBe(data.mappingYaml);
  });

  it('survives structured cloning (it crosses the worker boundary)', async () => {
    const data = await evaluated(DESIGN);
    expect(structuredClone(data)).toEqual(data);
  });

  it('flags a spec without a mapping', async () => {
    const result = await createEngineApi().evaluateDesign({ ...DESIGN, specFiles: DESIGN.specFiles.slice(0, 2) });
    expect(result.evaluation).toBeNull();
    expect(result.noMapping).toBe(true);
  });

  it('reports a mapping error as a positioned SpecError', async () => {
    const bad = 'mapping:\n  nodes:\n  - !Storage {tensors: [T0], component: MainMemory}\n  - !Compute {einsum: Nope, component: MAC}\n';
    const result = await createEngineApi().evaluateDesign({ ...DESIGN, files: { ...BUNDLED_FILES, [MAPPING]: bad } });
    expect(result.noMapping).toBe(false);
    expect(result.errors.map((e) => e.message).join('\n')).toContain("Einsum 'Nope'");
    expect(result.errors[0]?.pos?.file).toBe(MAPPING);
  });

  it('turns an engine exception into an internal-error SpecError, and a missing function into a notice', async () => {
    const throwing = createEngineApi({ evaluateDesign: () => { throw new Error('boom'); } });
    expect((await throwing.evaluateDesign(DESIGN)).errors[0]?.message).toBe('internal engine error: boom');
    expect((await createEngineApi({}).evaluateDesign(DESIGN)).errors[0]?.message).toBe(EVALUATE_UNAVAILABLE);
  });
});
