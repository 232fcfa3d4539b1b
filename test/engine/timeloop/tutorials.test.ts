import { describe, expect, it } from 'vitest';
import { convertTimeloop } from '../../../src/engine/timeloop/index.js';
import { checkYaml, evaluateYaml, fixtures, TUTORIALS } from './fixtures.js';

// Inputs as they were when Timeloop's reference outputs were produced (commit 2ffec69),
// paired with those outputs' ERT/ART tables (see test/fixtures/timeloop/README.md).
const IN = `v4-2ffec69/${TUTORIALS}`;
const OUT = `v4/${TUTORIALS}`;

/**
 * Why AccelForge's figures may exceed Timeloop's for the same mapping:
 * - HALO: Timeloop fetches only the new elements of overlapping (sliding-window) input tiles;
 *   AccelForge's symbolic model refetches the whole tile each iteration.
 * - DRAIN: AccelForge charges a read at the child for every output write-back; Timeloop does not.
 * - ROUND: Timeloop rounds each tile transfer up to whole access vectors; AccelForge charges
 *   bits / bits_per_action (this can go either way).
 */
interface Case {
  name: string;
  files: string[];
  computes: number;
  /** Timeloop's fJ/Compute per component (stats.txt). */
  timeloop: Record<string, number>;
  /** Timeloop's cycles (1 ns each); AccelForge's latency must match. */
  cycles: number;
  /** Largest relative difference allowed per component (0.001 = equal), and why. */
  tolerance: Record<string, [number, string]>;
}

const EXACT: [number, string] = [0.001, 'same accesses, same ERT energies'];

function tutorial(dir: string, arch: string, prob: string, map: string, ref: string, tool = 'timeloop-model'): string[] {
  return [`${IN}/${dir}/arch/${arch}`, `${IN}/${dir}/prob/${prob}`, map.includes('/') ? `${OUT}/${dir}/${map}` : `${IN}/${dir}/map/${map}`,
    `${OUT}/${dir}/${ref}/${tool}.ERT.yaml`, `${OUT}/${dir}/${ref}/${tool}.ART.yaml`];
}

const CASES: Case[] = [
  { name: '00 1level', files: tutorial('00-model-conv1d-1level', '1level.arch.yaml', 'conv1d.prob.yaml', 'conv1d-1level.map.yaml', 'ref-output'),
    computes: 48, cycles: 48, timeloop: { MACC: 845.0, Buffer: 1561.54 }, tolerance: { MACC: EXACT, Buffer: EXACT } },
  ...['os', 'ws'].map((v): Case => ({ name: `01 2level ${v}`, files: tutorial('01-model-conv1d-2level', '2level.arch.yaml', 'conv1d.prob.yaml', `conv1d-2level-${v}.map.yaml`, `ref-output/${v}`),
    computes: 48, cycles: 48, timeloop: { MACC: 845.0, Buffer: 1747.76, MainMemory: 4907.32 },
    tolerance: { MACC: EXACT, Buffer: [0.24, 'HALO (48 vs 18 input fills) + DRAIN (16 reads)'], MainMemory: [0.44, 'HALO (48 vs 18 input reads); ROUND charges 3 weight reads as 1 vector'] } })),
  { name: '02 no-tiling', files: tutorial('02-model-conv1d+oc-2level', '2level.arch.yaml', 'conv1d+oc.prob.yaml', 'conv1d+oc-2level-os.map.yaml', 'ref-output/no-tiling'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, Buffer: 1747.76, MainMemory: 3665.44 },
    tolerance: { MACC: EXACT, Buffer: [0.24, 'HALO + DRAIN'], MainMemory: [0.93, 'HALO: inputs refetched per (k, p) instead of once per k'] } },
  { name: '02 tiling', files: tutorial('02-model-conv1d+oc-2level', '2level.arch.yaml', 'conv1d+oc.prob.yaml', 'conv1d+oc-2level-os-tiled.map.yaml', 'ref-output/tiling'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, Buffer: 1667.95, MainMemory: 2649.35 },
    tolerance: { MACC: EXACT, Buffer: [0.17, 'HALO + DRAIN'], MainMemory: [0.64, 'HALO'] } },
  { name: '03 bypass', files: tutorial('03-model-conv1d+oc-3level', '3level.arch.yaml', 'conv1d+oc.prob.yaml', 'conv1d+oc-3level-bypass.map.yaml', 'ref-output/bypass'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, RegisterFile: 710.26, GlobalBuffer: 11147.78, MainMemory: 26666.67 },
    tolerance: { MACC: EXACT, RegisterFile: [0.2, 'DRAIN (512 output reads)'], GlobalBuffer: [0.002, 'ROUND (3 vs 2.25 input fill vectors)'], MainMemory: [0.022, 'ROUND: 626 words moved, Timeloop charges 640'] } },
  { name: '03 no-bypass', files: tutorial('03-model-conv1d+oc-3level', '3level.arch.yaml', 'conv1d+oc.prob.yaml', 'conv1d+oc-3level.map.yaml', 'ref-output/no-bypass'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, RegisterFile: 1667.95, GlobalBuffer: 2950.9, MainMemory: 26666.67 },
    tolerance: { MACC: EXACT, RegisterFile: [0.17, 'HALO + DRAIN'], GlobalBuffer: [1.19, 'HALO (768 vs 288 input reads) + DRAIN (512 output reads)'], MainMemory: [0.022, 'ROUND'] } },
  ...['cp', 'kp'].map((v): Case => ({ name: `04 spatial ${v}`, files: tutorial('04-model-conv1d+oc-3levelspatial', '3levelspatial.arch.yaml', 'conv1d+oc+ic.prob.yaml', `conv1d+oc+ic-3levelspatial-${v}-ws.map.yaml`, `ref-output/${v}`),
    computes: 49152, cycles: 3072, timeloop: v === 'cp' ? { MACC: 845.0, RegisterFile: 1889.64, GlobalBuffer: 4860.12, MainMemory: 5416.67 } : { MACC: 845.0, RegisterFile: 2022.65, GlobalBuffer: 6380.31, MainMemory: 5416.67 },
    tolerance: { MACC: EXACT, RegisterFile: [0.22, 'DRAIN'], GlobalBuffer: [0.89, 'HALO (input tiles slide along r) + DRAIN'], MainMemory: EXACT } })),
  { name: '05 baked (mapper output)', files: tutorial('05-mapper-conv1d+oc-3level', '3level.arch.yaml', 'conv1d+oc.prob.yaml', 'ref-output/baked/timeloop-mapper.map.yaml', 'ref-output/baked', 'timeloop-mapper'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, RegisterFile: 1667.95, GlobalBuffer: 2950.9, MainMemory: 26666.67 },
    tolerance: { MACC: EXACT, RegisterFile: [0.17, 'HALO + DRAIN'], GlobalBuffer: [1.19, 'HALO + DRAIN'], MainMemory: [0.022, 'ROUND'] } },
  { name: '05 freebypass (mapper output)', files: tutorial('05-mapper-conv1d+oc-3level', '3level.arch.yaml', 'conv1d+oc.prob.yaml', 'ref-output/freebypass/timeloop-mapper.map.yaml', 'ref-output/freebypass', 'timeloop-mapper'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, RegisterFile: 1667.95, GlobalBuffer: 1084.37, MainMemory: 26666.67 },
    tolerance: { MACC: EXACT, RegisterFile: [0.17, 'HALO + DRAIN'], GlobalBuffer: [1.55, 'HALO + DRAIN'], MainMemory: [0.022, 'ROUND'] } },
  { name: '05 null (mapper output)', files: tutorial('05-mapper-conv1d+oc-3level', '3level.arch.yaml', 'conv1d+oc.prob.yaml', 'ref-output/null/timeloop-mapper.map.yaml', 'ref-output/null', 'timeloop-mapper'),
    computes: 1536, cycles: 1536, timeloop: { MACC: 845.0, RegisterFile: 0.86, GlobalBuffer: 7.97, MainMemory: 234666.67 },
    tolerance: { MACC: EXACT, RegisterFile: [0.002, 'leak only; stats rounded to 0.01 fJ'], GlobalBuffer: EXACT, MainMemory: EXACT } },
  { name: '06 eyeriss (mapper output, 168 PEs)',
    files: ['arch/eyeriss_like.yaml', 'prob/VGG02_layer5.yaml', 'ref-output/timeloop-mapper.map.yaml', 'ref-output/timeloop-mapper.ERT.yaml', 'ref-output/timeloop-mapper.ART.yaml']
      .map((f) => `${OUT}/06-mapper-convlayer-eyeriss/${f}`),
    computes: 924844032, cycles: 5505024, timeloop: { mac: 207.69, psum_spad: 478.44, weights_spad: 1107.5, ifmap_spad: 105.92, shared_glb: 89.47, DRAM: 1000.0 },
    tolerance: { mac: [0.012, 'AccelForge adds the ERT leak of the MACs (Timeloop reports none)'], psum_spad: [0.025, 'DRAIN'], weights_spad: EXACT,
      ifmap_spad: [0.065, 'HALO'], shared_glb: [0.56, 'HALO on input tiles + DRAIN of partial sums'], DRAM: EXACT } },
];

function relativeDifference(ours: number, theirs: number): number {
  return Math.abs(ours - theirs) / theirs;
}

describe('Timeloop tutorials 00-06: convert, check, evaluate against Timeloop', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { yaml } = convertTimeloop(fixtures(...c.files));
      expect(checkYaml(yaml)).toEqual([]);
      const { energy, latency } = evaluateYaml(yaml);
      expect(latency).toBeCloseTo(c.cycles * 1e-9, 15);
      expect([...energy.keys()].sort()).toEqual(Object.keys(c.timeloop).sort());
      for (const [component, fj] of Object.entries(c.timeloop)) {
        const theirs = (fj * c.computes) / 1000;
        const [limit, why] = c.tolerance[component]!;
        expect(relativeDifference(energy.get(component)!, theirs), `${component}: ${why}`).toBeLessThanOrEqual(limit);
      }
    });
  }
});

describe('hand-checked energies (pJ)', () => {
  it('00: every access matches Timeloop (48 reads per operand, 32 output reads + 48 updates)', () => {
    const { yaml } = convertTimeloop(fixtures(...CASES[0]!.files));
    const { energy } = evaluateYaml(yaml);
    // (48 + 48 + 32 + 48) accesses x 0.42564 pJ + 48 cycles x 0.000861 pJ leak
    expect(energy.get('Buffer')).toBeCloseTo(176 * 0.42564 + 48 * 0.000861, 6);
    expect(energy.get('MACC')).toBeCloseTo(48 * 0.845, 6);
  });

  it('03 bypass: MainMemory moves 96 + 18 + 512 words in 256-bit accesses of 2048 pJ', () => {
    const c = CASES.find((x) => x.name === '03 bypass')!;
    const { energy } = evaluateYaml(convertTimeloop(fixtures(...c.files)).yaml);
    expect(energy.get('MainMemory')).toBeCloseTo(((626 * 8) / 256) * 2048, 6);
  });

  it('01 os: weights fetched once (3 words), inputs per output (48 words), 16 output updates', () => {
    const c = CASES.find((x) => x.name === '01 2level os')!;
    const { energy } = evaluateYaml(convertTimeloop(fixtures(...c.files)).yaml);
    // 64-bit accesses of 8 words: reads (3 + 48) / 8 x 43.353054, writes 16 / 8 x 30.878292, leak 48 x 0.007972
    expect(energy.get('MainMemory')).toBeCloseTo((51 / 8) * 43.353054 + 2 * 30.878292 + 48 * 0.007972, 6);
  });
});
