import { describe, expect, it } from 'vitest';
import { convertTimeloop } from '../../../src/engine/timeloop/index.js';
import { checkYaml, evaluateYaml, fixtures, reference, referenceEnergy, trafficMismatches, TUTORIALS } from './fixtures.js';

// Inputs as they were when Timeloop's reference outputs were produced (commit 2ffec69), paired
// with those outputs' ERT/ART tables and figures (see test/fixtures/timeloop/README.md).
const IN = `v4-2ffec69/${TUTORIALS}`;
const OUT = `v4/${TUTORIALS}`;

// ERT energies (pJ per access of the memory's width) of the tutorials' components.
const RF = 0.42564; // regfile, 8-bit access
const SRAM_READ = 43.353054; // 64-bit access (8 words)
const SRAM_WRITE = 30.878292;
const DRAM = 2048; // 256-bit access (32 words)

/**
 * With the converted mapping every fill, update and operand read matches Timeloop's count (sliding
 * windows included: the converter raises a storage node above the innermost loop that slides a
 * window over its tensor, so AccelForge counts the union of the windows, as Timeloop counts
 * deltas). What is left are two differences of the models (docs/timeloop.md, "Expected differences from Timeloop's figures"):
 * - DRAIN: AccelForge reads each partial sum a buffer writes back to its parent (the read feeds
 *   the write-back); Timeloop does not charge that read. Extra reads = output tile × iterations
 *   of every loop above the buffer, i.e. the parent's updates × the spatial reduction below it.
 * - ROUND: Timeloop rounds each tensor's reads, fills and updates per instance up to whole access
 *   vectors; AccelForge charges fractions of a vector.
 */
interface Case {
  id: string;
  files: string[];
  /** Partial-sum words each output holder reads for its write-backs (AccelForge only). */
  drains: Record<string, number>;
  /** AccelForge − Timeloop energy per component (pJ, by hand), the resulting ratio, and why. */
  delta: Record<string, [number, number, string]>;
}

function tutorial(dir: string, arch: string, prob: string, map: string, ref: string, tool = 'timeloop-model'): string[] {
  return [`${IN}/${dir}/arch/${arch}`, `${IN}/${dir}/prob/${prob}`, map.includes('/') ? `${OUT}/${dir}/${map}` : `${IN}/${dir}/map/${map}`,
    `${OUT}/${dir}/${ref}/${tool}.ERT.yaml`, `${OUT}/${dir}/${ref}/${tool}.ART.yaml`];
}

const T01 = (v: string): string[] => tutorial('01-model-conv1d-2level', '2level.arch.yaml', 'conv1d.prob.yaml', `conv1d-2level-${v}.map.yaml`, `ref-output/${v}`);
const T03 = (map: string, ref: string, tool?: string): string[] =>
  tutorial(tool ? '05-mapper-conv1d+oc-3level' : '03-model-conv1d+oc-3level', '3level.arch.yaml', 'conv1d+oc.prob.yaml', map, ref, tool);
const T04 = (v: string): string[] =>
  tutorial('04-model-conv1d+oc-3levelspatial', '3levelspatial.arch.yaml', 'conv1d+oc+ic.prob.yaml', `conv1d+oc+ic-3levelspatial-${v}-ws.map.yaml`, `ref-output/${v}`);

// Tutorial 01: 16 outputs drain once from Buffer; MainMemory moves 3 weights and 18 inputs,
// which Timeloop charges as ceil(3/8) = 1 and ceil(18/8) = 3 vectors instead of 0.375 and 2.25.
const DELTA_01: Case['delta'] = {
  Buffer: [16 * RF, 1.0812, 'DRAIN: 16 output reads for the write-back to MainMemory'],
  MainMemory: [-(1 - 0.375 + 3 - 2.25) * SRAM_READ, 0.7469, 'ROUND: weights 1 vs 0.375 vectors, inputs 3 vs 2.25'],
};
// Tutorials 03/05 (K32 P16 R3 on DRAM + GlobalBuffer + RegisterFile): 512 outputs drain once from
// each output holder below MainMemory; 18 inputs are ceil(18/8) = 3 GlobalBuffer fill vectors
// (2.25 in AccelForge) and ceil(18/32) = 1 DRAM read vector (0.5625).
const DRAIN_RF_512: [number, number, string] = [512 * RF, 0, 'DRAIN: 512 output reads for the write-back to the GlobalBuffer (or MainMemory)'];
const ROUND_GB_FILL = -(3 - 2.25) * SRAM_WRITE;
const ROUND_DRAM: [number, number, string] = [-(1 - 0.5625) * DRAM, 0.9781, 'ROUND: 18 inputs are 1 DRAM vector in Timeloop, 0.5625 in AccelForge'];

const CASES: Case[] = [
  { id: '00', files: tutorial('00-model-conv1d-1level', '1level.arch.yaml', 'conv1d.prob.yaml', 'conv1d-1level.map.yaml', 'ref-output'), drains: {}, delta: {} },
  { id: '01-os', files: T01('os'), drains: { Buffer: 16 }, delta: DELTA_01 },
  { id: '01-ws', files: T01('ws'), drains: { Buffer: 16 }, delta: DELTA_01 },
  { id: '02-no-tiling', files: tutorial('02-model-conv1d+oc-2level', '2level.arch.yaml', 'conv1d+oc.prob.yaml', 'conv1d+oc-2level-os.map.yaml', 'ref-output/no-tiling'),
    drains: { Buffer: 512 }, delta: { Buffer: [512 * RF, 1.0812, 'DRAIN: 512 output reads for the write-back'] } },
  { id: '02-tiling', files: tutorial('02-model-conv1d+oc-2level', '2level.arch.yaml', 'conv1d+oc.prob.yaml', 'conv1d+oc-2level-os-tiled.map.yaml', 'ref-output/tiling'),
    drains: { Buffer: 512 }, delta: { Buffer: [512 * RF, 1.0851, 'DRAIN: 512 output reads for the write-back'] } },
  { id: '03-bypass', files: T03('conv1d+oc-3level-bypass.map.yaml', 'ref-output/bypass'), drains: { RegisterFile: 512 },
    delta: { RegisterFile: [DRAIN_RF_512[0], 1.1998, DRAIN_RF_512[2]], GlobalBuffer: [ROUND_GB_FILL, 0.9986, 'ROUND: 18 input fills are 3 vectors, 2.25 in AccelForge'], MainMemory: ROUND_DRAM } },
  { id: '03-no-bypass', files: T03('conv1d+oc-3level.map.yaml', 'ref-output/no-bypass'), drains: { RegisterFile: 512, GlobalBuffer: 512 },
    delta: { RegisterFile: [DRAIN_RF_512[0], 1.0851, DRAIN_RF_512[2]], GlobalBuffer: [(512 / 8) * SRAM_READ + ROUND_GB_FILL, 1.6070, 'DRAIN: 64 vectors of outputs read for MainMemory; ROUND: input fills'], MainMemory: ROUND_DRAM } },
  // 04: 16 PEs, each with its own GlobalBuffer (the reference run's topology). cp reduces the C
  // partial sums of all 16 PEs in MainMemory, so each GlobalBuffer drains all 512 outputs
  // (8192 words); kp splits K, so they drain 32 each (512 words). Inputs: 36 fills per
  // GlobalBuffer in cp are ceil(36/8) = 5 vectors each, 4.5 in AccelForge.
  { id: '04-cp', files: T04('cp'), drains: { RegisterFile: 16384, GlobalBuffer: 8192 },
    delta: { RegisterFile: [16384 * RF, 1.0751, 'DRAIN: 16384 output reads for the write-backs to the GlobalBuffers'],
      GlobalBuffer: [1024 * SRAM_READ - 16 * (5 - 4.5) * SRAM_WRITE, 1.1848, 'DRAIN: 8192 words read for MainMemory; ROUND: 5 vs 4.5 input fill vectors per PE'] } },
  { id: '04-kp', files: T04('kp'), drains: { RegisterFile: 16384, GlobalBuffer: 512 },
    delta: { RegisterFile: [16384 * RF, 1.0701, 'DRAIN: 16384 output reads'], GlobalBuffer: [64 * SRAM_READ, 1.0088, 'DRAIN: 512 words read for MainMemory'] } },
  { id: '05-baked', files: T03('ref-output/baked/timeloop-mapper.map.yaml', 'ref-output/baked', 'timeloop-mapper'), drains: { RegisterFile: 512, GlobalBuffer: 512 },
    delta: { RegisterFile: [DRAIN_RF_512[0], 1.0851, DRAIN_RF_512[2]], GlobalBuffer: [(512 / 8) * SRAM_READ + ROUND_GB_FILL, 1.6070, 'DRAIN + ROUND, as 03 no-bypass'], MainMemory: ROUND_DRAM } },
  { id: '05-freebypass', files: T03('ref-output/freebypass/timeloop-mapper.map.yaml', 'ref-output/freebypass', 'timeloop-mapper'), drains: { RegisterFile: 512 },
    delta: { RegisterFile: [DRAIN_RF_512[0], 1.0851, DRAIN_RF_512[2]], GlobalBuffer: [ROUND_GB_FILL, 0.9861, 'ROUND: input fills (the GlobalBuffer keeps only inputs)'], MainMemory: ROUND_DRAM } },
  { id: '05-null', files: T03('ref-output/null/timeloop-mapper.map.yaml', 'ref-output/null', 'timeloop-mapper'), drains: {}, delta: {} },
  // 06: 168 PEs. psum_spad drains shared_glb's 12845056 updates × the S3 spatial reduction =
  // 38535168 partial sums; shared_glb drains DRAM's 3211264 updates (401408 vectors of 8).
  { id: '06', files: ['arch/eyeriss_like.yaml', 'prob/VGG02_layer5.yaml', 'ref-output/timeloop-mapper.map.yaml', 'ref-output/timeloop-mapper.ERT.yaml', 'ref-output/timeloop-mapper.ART.yaml']
    .map((f) => `${OUT}/06-mapper-convlayer-eyeriss/${f}`), drains: { psum_spad: 38535168, shared_glb: 3211264 },
    delta: { psum_spad: [38535168 * 0.2513, 1.0219, 'DRAIN: 38535168 partial-sum reads at 0.2513 pJ'],
      shared_glb: [(3211264 / 8) * 18.183829, 1.0882, 'DRAIN: 401408 64-bit reads for DRAM at 18.183829 pJ'] } },
];

describe('Timeloop tutorials 00-06: converted mappings against Timeloop\'s reference figures', () => {
  for (const c of CASES) {
    const run = reference(c.id);
    const { yaml } = convertTimeloop(fixtures(...c.files));
    const ours = evaluateYaml(yaml);

    it(`${c.id}: checks, and latency equals Timeloop's ${run.cycles} cycles`, () => {
      expect(checkYaml(yaml)).toEqual([]);
      expect(ours.latency).toBeCloseTo(run.cycles * 1e-9, 15);
      expect([...ours.energy.keys()].sort()).toEqual(Object.keys(run.components).sort());
    });

    it(`${c.id}: every fill, update and read equals Timeloop's, plus the DRAIN reads`, () => {
      expect(trafficMismatches(run, yaml, ours.actions, c.drains)).toEqual([]);
    });

    it(`${c.id}: energy per component = Timeloop's + DRAIN − ROUND`, () => {
      for (const [component, info] of Object.entries(run.components)) {
        const [delta, ratio, why] = c.delta[component] ?? [0, 1, 'same accesses, same ERT energies'];
        const isCompute = Object.keys(info.tensors).length === 0;
        // Compute energies only appear as fJ/Compute (2 decimals); storage ones per tensor (0.01 pJ).
        const theirs = isCompute ? (info.fJPerCompute * run.computes) / 1000 : referenceEnergy(run, component);
        const slack = isCompute ? (0.005 * run.computes) / 1000 : 0.006 * (Object.keys(info.tensors).length + 1);
        const mine = ours.energy.get(component)!;
        expect(Math.abs(mine - theirs - delta), `${component}: ${why}`).toBeLessThanOrEqual(slack);
        expect(Math.abs(mine / theirs - ratio), `${component} ratio: ${why}`).toBeLessThanOrEqual(5e-4 + slack / theirs);
      }
    });
  }
});

describe('the report predicts the DRAIN reads', () => {
  for (const c of CASES.filter((x) => Object.keys(x.drains).length > 0)) {
    it(c.id, () => {
      const { report } = convertTimeloop(fixtures(...c.files));
      const predicted = report.items
        .map((i) => /^expected difference: (\w+) reads of Output$/.exec(i.feature) && [/^expected difference: (\w+)/.exec(i.feature)![1]!, Number(/: (\d+) words/.exec(i.reason)![1])] as const)
        .filter((x): x is readonly [string, number] => Boolean(x));
      expect(Object.fromEntries(predicted)).toEqual(c.drains);
    });
  }
});

describe('the report bounds the ROUND difference and notes the MAC leak', () => {
  it('03 bypass: MainMemory under 7 vectors (3 tensors: reads, fills, updates of Output), GlobalBuffer under 4', () => {
    const c = CASES.find((x) => x.id === '03-bypass')!;
    const { report } = convertTimeloop(fixtures(...c.files));
    const reason = (feature: string): string => report.items.find((i) => i.feature === feature)!.reason;
    expect(reason('expected difference: MainMemory vector rounding')).toContain(`less than 7 vectors (${7 * DRAM} pJ)`);
    // GlobalBuffer keeps Weights and Input (2 access kinds each): at most 4 × 43.353054 pJ; ROUND here is 23.16 pJ.
    expect(reason('expected difference: GlobalBuffer vector rounding')).toContain('less than 4 vectors (173.412 pJ)');
    expect(-ROUND_GB_FILL).toBeLessThan(4 * SRAM_READ);
  });

  it('06: the MACs get no leakage, as in Timeloop, and the report says so', () => {
    const c = CASES.find((x) => x.id === '06')!;
    const { yaml, report } = convertTimeloop(fixtures(...c.files));
    expect(yaml).toMatch(/name: mac\n(.*\n){2,4} {6}leak_power: 0\n/);
    expect(report.items.find((i) => i.feature === 'leak of mac')?.reason).toContain('0.002374 pJ per cycle is not carried over');
  });
});
