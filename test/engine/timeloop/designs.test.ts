import { describe, expect, it } from 'vitest';
import { convertTimeloop, type ReportItem } from '../../../src/engine/timeloop/index.js';
import { checkYaml, DESIGNS, evaluateYaml, fixtures, reference, referenceEnergy, trafficMismatches } from './fixtures.js';

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

  const PROBLEM_KEYS = ['H:5', 'Hpad:7', 'W:15', 'Wpad:17'].map((k) => `dropped _include/default_problem.yaml:${k.split(':')[1]} problem instance key ${k.split(':')[0]}`);
  const MAPPER = 'dropped _include/mapper.yaml:2 mapper settings (live_status, num_threads, timeout, victory_condition, algorithm, diagnostics)';
  const temporal = (design: string, at: [number, string][]): string[] =>
    at.map(([line, level]) => `dropped ${design}/arch.yaml:${line} temporal factors/permutation constraint on ${level}`);
  const DROPPED: Record<string, string[]> = {
    eyeriss_like: [...PROBLEM_KEYS, ...temporal('eyeriss_like', [[68, 'ifmap_spad'], [83, 'weights_spad'], [99, 'psum_spad']]),
      'dropped eyeriss_like/arch.yaml:92 attribute update_fifo_depth: 2 (psum_spad)', MAPPER],
    simba_like: [...PROBLEM_KEYS, 'dropped simba_like/arch.yaml:93 attribute cluster_size: 64 (PEWeightRegs)', MAPPER],
    simple_output_stationary: [...PROBLEM_KEYS, ...temporal('simple_output_stationary', [[52, 'pe_spad'], [66, 'weight_reg'], [78, 'input_activation_reg'], [90, 'output_activation_reg']]), MAPPER],
    simple_weight_stationary: [...PROBLEM_KEYS, ...temporal('simple_weight_stationary', [[52, 'pe_spad'], [66, 'weight_reg'], [78, 'input_activation_reg'], [90, 'output_activation_reg']]), MAPPER],
  };
  for (const [design, dropped] of Object.entries(DROPPED)) {
    it(`${design}: the report lists exactly what was dropped, with positions`, () => {
      const { report } = convertTimeloop(fixtures(arch(design), ...SHARED));
      expect(summary(report.items.filter((i) => i.kind === 'dropped'))).toEqual(dropped);
    });
  }

  it('eyeriss_like: the report lists exactly what was approximated, with positions', () => {
    const { report } = convertTimeloop(fixtures(arch('eyeriss_like'), ...SHARED));
    expect(summary(report.items.filter((i) => i.kind === 'approximated'))).toEqual([
      'approximated _components/intmac.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/regfile.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/regfile_metadata.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/smartbuffer_RF.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/smartbuffer_SRAM.yaml:1 compound_components (Accelergy compound components)',
      'approximated _components/smartbuffer_metadata.yaml:1 compound_components (Accelergy compound components)',
      'approximated eyeriss_like/arch.yaml:55 !Parallel',
      'approximated eyeriss_like/arch.yaml:41 spatial permutation/split on PE_column',
      'approximated eyeriss_like/arch.yaml:50 spatial permutation/split on PE',
      'approximated eyeriss_like/arch.yaml:37 leakage of unused instances',
      'approximated eyeriss_like/arch.yaml:58 component class smartbuffer_RF (ifmap_spad)',
      'approximated eyeriss_like/arch.yaml:73 component class smartbuffer_RF (weights_spad)',
      'approximated eyeriss_like/arch.yaml:88 component class smartbuffer_RF (psum_spad)',
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

  /**
   * Timeloop's best mapping of each design, evaluated with the run's ERT/ART tables. Fills,
   * updates and reads equal Timeloop's except the DRAIN reads (AccelForge reads the partial sums a
   * buffer writes back; words = the parent's updates × the spatial reduction below the buffer).
   * Energy ratios (AccelForge / Timeloop) per component, and why:
   * - DRAIN: those reads at the buffer's read energy;
   * - ROUND: Timeloop rounds each tensor's accesses per instance up to whole vectors;
   * - CLUSTER (simba PEWeightRegs, cluster_size 64): Timeloop charges a 512-bit access per cluster
   *   of 64 registers, of which the mapping uses 12; AccelForge packs 64 values per action: 12/64;
   * - LATENCY (eyeriss): the DRAIN reads also take shared_glb's 16 words/cycle read bandwidth:
   *   (1354752 + 401408) / 16 = 109760 cycles instead of 86016, so leakage is 1.276× Timeloop's.
   */
  const DESIGNS_EXPECTED: Record<string, { cycles: number; drains: Record<string, number>; ratios: Record<string, [number, string]> }> = {
    eyeriss_like: { cycles: 109760, drains: { psum_spad: 3612672, shared_glb: 401408 }, ratios: {
      psum_spad: [1.2167, 'DRAIN 3612672 × 0.2513 pJ, plus LATENCY'], weights_spad: [1.0004, 'LATENCY'], ifmap_spad: [1.0002, 'LATENCY'],
      shared_glb: [1.2244, 'DRAIN 50176 vectors, plus LATENCY'] } },
    simba_like: { cycles: 225792, drains: { PEAccuBuffer: 3612672, GlobalBuffer: 401408 }, ratios: {
      PEWeightRegs: [0.1935, 'CLUSTER 12/64 (leakage unchanged)'], PEAccuBuffer: [1.1645, 'DRAIN 3612672 24-bit reads'],
      PEWeightBuffer: [0.9998, 'ROUND: 18 fills per instance are 3 vectors, 2.25 in AccelForge'], GlobalBuffer: [1.1483, 'DRAIN 12544 256-bit reads'] } },
    simple_output_stationary: { cycles: 677376, drains: { output_activation_reg: 10838016, pe_spad: 401408 }, ratios: {
      output_activation_reg: [2.0385, 'DRAIN: a write-back per MAC'], pe_spad: [1.0113, 'DRAIN 401408 reads'] } },
    simple_weight_stationary: { cycles: 903168, drains: { output_activation_reg: 10838016, shared_glb: 401408 }, ratios: {
      output_activation_reg: [2.125, 'DRAIN: a write-back per MAC'], shared_glb: [1.0447, 'DRAIN 100352 vectors'] } },
  };
  for (const [design, expected] of Object.entries(DESIGNS_EXPECTED)) {
    it(`${design}: Timeloop's best mapping gives Timeloop's traffic plus DRAIN, and the stated energy ratios`, () => {
      const out = `${HEAD}/${design}/ref_outputs/default_problem/timeloop-mapper`;
      const { yaml } = convertTimeloop(fixtures(arch(design), ...SHARED, `${out}.map.yaml`, `${out}.ERT.yaml`, `${out}.ART.yaml`));
      const ours = evaluateYaml(yaml);
      const run = reference(design);
      expect(ours.latency).toBeCloseTo(expected.cycles * 1e-9, 15);
      expect(trafficMismatches(run, yaml, ours.actions, expected.drains)).toEqual([]);
      for (const [component, info] of Object.entries(run.components)) {
        const [ratio, why] = expected.ratios[component] ?? [1, 'same accesses; ROUND under 1e-4'];
        const isCompute = Object.keys(info.tensors).length === 0;
        const theirs = isCompute ? (info.fJPerCompute * run.computes) / 1000 : referenceEnergy(run, component);
        expect(Math.abs(ours.energy.get(component)! / theirs - ratio), `${component}: ${why}`).toBeLessThanOrEqual(1e-4);
      }
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
