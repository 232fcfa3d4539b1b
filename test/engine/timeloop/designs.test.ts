import { describe, expect, it } from 'vitest';
import { convertTimeloop, type ReportItem } from '../../../src/engine/timeloop/index.js';
import { checkYaml, DESIGNS, evaluateYaml, fixtures } from './fixtures.js';

// Inputs at the commit of the reference runs; simba/simple_* archs are unchanged at head.
const RUN = `v4-2ffec69/${DESIGNS}`;
const HEAD = `v4/${DESIGNS}`;
const SHARED = ['intmac', 'regfile', 'regfile_metadata', 'smartbuffer_RF', 'smartbuffer_SRAM', 'smartbuffer_metadata']
  .map((c) => `${RUN}/_components/${c}.yaml`)
  .concat([`${RUN}/_include/default_problem.yaml`, `${RUN}/_include/mapper.yaml`]);

function arch(design: string): string {
  return design === 'eyeriss_like' ? `${RUN}/eyeriss_like/arch.yaml` : `${HEAD}/${design}/arch.yaml`;
}

function summary(items: ReportItem[]): string[] {
  return items.map((i) => `${i.kind} ${i.file?.split('/').slice(-2).join('/') ?? '-'}:${i.line ?? ''} ${i.feature}`);
}

describe('full-architecture example designs', () => {
  for (const design of ['eyeriss_like', 'simba_like', 'simple_output_stationary', 'simple_weight_stationary']) {
    it(`${design} converts and passes check`, () => {
      const { yaml, report } = convertTimeloop(fixtures(arch(design), ...SHARED));
      expect(checkYaml(yaml)).toEqual([]);
      expect(report.items.some((i) => i.feature.startsWith('mapper settings') && i.kind === 'dropped')).toBe(true);
      expect(yaml).toContain('mapper: { metrics: 128 }'); // optimization_metrics: [edp]
    });
  }

  it('eyeriss_like: the report lists exactly what was dropped or approximated, with positions', () => {
    const { report } = convertTimeloop(fixtures(arch('eyeriss_like'), ...SHARED));
    const lost = summary(report.items.filter((i) => i.kind !== 'converted'));
    expect(lost).toEqual([
      'approximated _components/intmac.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/regfile.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/regfile_metadata.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/smartbuffer_RF.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/smartbuffer_SRAM.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/smartbuffer_metadata.yaml:1 compound_components (Accelergy compound components)',
      'approximated eyeriss_like/arch.yaml:55 !Parallel',
      'dropped _include/default_problem.yaml:5 problem instance key H',
      'dropped _include/default_problem.yaml:7 problem instance key Hpad',
      'dropped _include/default_problem.yaml:15 problem instance key W',
      'dropped _include/default_problem.yaml:17 problem instance key Wpad',
      'approximated eyeriss_like/arch.yaml:41 spatial permutation/split on PE_column',
      'approximated eyeriss_like/arch.yaml:50 spatial permutation/split on PE',
      'dropped eyeriss_like/arch.yaml:68 temporal factors/permutation constraint on ifmap_spad',
      'dropped eyeriss_like/arch.yaml:83 temporal factors/permutation constraint on weights_spad',
      'dropped eyeriss_like/arch.yaml:99 temporal factors/permutation constraint on psum_spad',
      'approximated eyeriss_like/arch.yaml:58 component class smartbuffer_RF (ifmap_spad)',
      'approximated eyeriss_like/arch.yaml:73 component class smartbuffer_RF (weights_spad)',
      'dropped eyeriss_like/arch.yaml:92 attribute update_fifo_depth: 2 (psum_spad)',
      'approximated eyeriss_like/arch.yaml:88 component class smartbuffer_RF (psum_spad)',
      'dropped _include/mapper.yaml:2 mapper settings (live_status, num_threads, timeout, victory_condition, algorithm, diagnostics)',
      'approximated -: component energies',
    ]);
  });

  it('eyeriss_like: keep constraints and spatial factor constraints become tensors and loop bounds', () => {
    const { yaml } = convertTimeloop(fixtures(arch('eyeriss_like'), ...SHARED));
    expect(yaml).toContain('tensors: { keep: Input | Output, may_keep: ~(Input | Output | Weights) }');
    expect(yaml).toContain('- { expression: n | c | p | r | s, operator: <=, value: 1 }');
    expect(yaml).toContain('- { expression: n | p | q | r, operator: <=, value: 1 }');
    expect(yaml).toContain('bits_per_value: { All: 16 }'); // psum_spad datawidth 16 vs 8 elsewhere
  });

  it('simba_like: storage subclasses, !Nothing and the 24-bit accumulator', () => {
    const { yaml, report } = convertTimeloop(fixtures(arch('simba_like'), ...SHARED));
    expect(yaml).toContain('bits_per_value: { All: 24 }');
    expect(summary(report.items)).toContain('dropped simba_like/arch.yaml:93 attribute cluster_size: 64 (PEWeightRegs)');
    expect(report.items.some((i) => i.feature === '!Nothing')).toBe(true);
  });

  // Timeloop totals (stats.txt) with the best mapping it found; same ERT/ART tables.
  const TOTALS: [string, number, number, string][] = [
    ['eyeriss_like', 59.28, 0.04, 'HALO on input tiles, DRAIN on partial sums'],
    ['simba_like', 239.15, 0.1, 'HALO on the PE input buffers, DRAIN on the 24-bit accumulators'],
    ['simple_output_stationary', 118.46, 0.03, 'HALO, DRAIN'],
    ['simple_weight_stationary', 151.67, 0.05, 'HALO, DRAIN'],
  ];
  for (const [design, microjoules, tolerance, why] of TOTALS) {
    it(`${design} evaluates Timeloop's best mapping within ${tolerance * 100} % (${why})`, () => {
      const out = `${HEAD}/${design}/ref_outputs/default_problem/timeloop-mapper`;
      const { yaml } = convertTimeloop(fixtures(arch(design), ...SHARED, `${out}.map.yaml`, `${out}.ERT.yaml`, `${out}.ART.yaml`));
      const { total } = evaluateYaml(yaml);
      const ours = total / 1e6;
      expect(ours).toBeGreaterThan(microjoules);
      expect((ours - microjoules) / microjoules).toBeLessThan(tolerance);
    });
  }

  it('v0.3 eyeriss_like baseline (PE[0..167], DummyBuffer[0..13], constraint files) converts and checks', () => {
    const base = 'v3/workspace/baseline_designs';
    const design = `${base}/example_designs/eyeriss_like`;
    const { yaml, report } = convertTimeloop(fixtures(
      `${design}/arch/eyeriss_like.yaml`, `${design}/arch/components/smartbuffer_RF.yaml`, `${design}/arch/components/smartbuffer_SRAM.yaml`,
      `${design}/constraints/eyeriss_like_arch_constraints.yaml`, `${design}/constraints/eyeriss_like_map_constraints.yaml`,
      `${design}/mapper/mapper.yaml`, `${base}/layer_shapes/CONV/AlexNet/AlexNet_layer1.yaml`));
    expect(report.format).toBe('v0.3');
    expect(checkYaml(yaml)).toEqual([]);
    const nodes = [...yaml.matchAll(/^ {4}- !(\w+)\n {6}name: (\w+)/gm)].map((m) => m[2]);
    expect(nodes).toEqual(['DRAM', 'shared_glb', 'DummyBuffer_array', 'DummyBuffer', 'PE', 'ifmap_spad', 'weights_spad', 'psum_spad', 'mac']);
    expect(yaml).toMatch(/name: PE\n {6}spatial:\n {8}- name: Y\n {10}fanout: 12/);
    expect(yaml).toContain('size: 3072'); // weights_spad: memory_depth 192 x memory_width 16
  });
});
