import { describe, expect, it } from 'vitest';
import { EYERISS_SWEEP, presetDropsEdits } from '../../../src/ui/features/sweep/eyeriss-preset.js';
import { designVariableNames, fieldPathSuggestions, switchMode, valueCount, valuesForm, valuesText } from '../../../src/ui/features/sweep/knob-form.js';
import { sweepCsv } from '../../../src/ui/features/sweep/sweep-csv.js';
import { colorPosition, heatCells, lineSeries, metricUnit, metricValue, positiveOnly, prefersLogScale } from '../../../src/ui/features/sweep/sweep-data.js';
import type { SweepPointView, SweepRunView } from '../../../src/ui/store/sweep-slice.js';
import type { ResolvedKnob } from '../../../src/worker/sweep-protocol.js';

const GLB = 'arch.nodes[name=GlobalBuffer].size';

/** A finished point: energy split over two components, 1000 compute ops. */
function point(index: number, size: number, mainMemory: number, buffer: number, area = 1e-6): SweepPointView {
  const energy = mainMemory + buffer + 1000;
  return {
    point: {
      index,
      knobs: { [GLB]: size },
      ok: true,
      errors: [],
      metrics: {
        energy, latency: 2e-6, edp: energy * 2e-6, computeOps: 1000, energyPerCompute: energy / 1000, area, leakPower: 0,
        energyByComponent: { MainMemory: mainMemory, GlobalBuffer: buffer, MAC: 1000 }, offChipMemory: 'MainMemory', offChipAccesses: 64,
      },
      mappingYaml: 'mapping: []\n',
      seconds: 0.5,
    },
    variables: {},
    fields: { [GLB]: size },
    evaluation: null,
  };
}

function failed(index: number, size: number): SweepPointView {
  return {
    point: { index, knobs: { [GLB]: size }, ok: false, errors: [{ kind: 'mapper', message: 'no valid mapping, "tiny"', path: [] }], metrics: null, mappingYaml: null, seconds: 0.1 },
    variables: {},
    fields: { [GLB]: size },
    evaluation: null,
  };
}

const KNOB: ResolvedKnob = { key: GLB, kind: 'field', values: [256, 4096, 65536] };

describe('metric values', () => {
  it('divides by compute operations when per compute', () => {
    const p = point(0, 256, 3000, 500);
    expect(metricValue(p, 'energy', false)).toBe(4500);
    expect(metricValue(p, 'energy', true)).toBe(4.5);
    expect(metricValue(p, 'offChipAccesses', true)).toBe(0.064);
    expect(metricValue(failed(1, 4096), 'energy', false)).toBeNull();
    expect(metricUnit('energy', true)).toBe('J/op');
    expect(metricUnit('area', false)).toBe('m²');
  });
});

describe('lineSeries', () => {
  it('sorts rows by knob value and adds one curve per component with energy', () => {
    // Points arrive in grid order, but a list knob may be unsorted.
    const series = lineSeries([point(0, 65536, 1000, 2000), point(1, 256, 3000, 0)], KNOB, 'energy', true, true);
    expect(series.components).toEqual(['MainMemory', 'GlobalBuffer', 'MAC']);
    expect(series.rows).toEqual([
      { index: 1, x: 256, total: 4, MainMemory: 3, GlobalBuffer: 0, MAC: 1 },
      { index: 0, x: 65536, total: 4, MainMemory: 1, GlobalBuffer: 2, MAC: 1 },
    ]);
    // A log axis cannot draw zero: it becomes a gap.
    expect(positiveOnly(series.rows, ['GlobalBuffer'])[0]!.GlobalBuffer).toBeNull();
  });

  it('has no component curves for metrics that do not break down, and places text values by position', () => {
    const modelKnob: ResolvedKnob = { key: 'MODEL', kind: 'variable', values: ['gpt3', 'llama'] };
    const p = { ...point(0, 0, 1, 1, 5e-6), point: { ...point(0, 0, 1, 1, 5e-6).point, knobs: { MODEL: 'llama' } } };
    expect(lineSeries([p], modelKnob, 'area', false, true)).toEqual({ rows: [{ index: 0, x: 1, total: 5e-6 }], components: [] });
  });

  it('chooses a log axis for positive values spanning more than 20×', () => {
    expect(prefersLogScale([256, 33554432])).toBe(true);
    expect(prefersLogScale([1, 2, 4])).toBe(false);
    expect(prefersLogScale([0, 1000])).toBe(false);
  });
});

describe('heatCells', () => {
  it('lays the grid out with the first knob down and leaves unfinished cells empty', () => {
    const knobs: ResolvedKnob[] = [{ key: 'KN', kind: 'variable', values: [8, 16] }, { ...KNOB, values: [256, 4096, 65536] }];
    const cells = heatCells(knobs, [point(0, 256, 1000, 0), point(4, 4096, 9000, 0)], 'energy', false);
    expect(cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 2000], [0, 1, null], [0, 2, null],
      [1, 0, null], [1, 1, 10000], [1, 2, null],
    ]);
    expect(colorPosition(2000, [2000, 10000])).toBe(0);
    expect(colorPosition(10000, [2000, 10000])).toBe(1);
    expect(colorPosition(6000, [2000, 10000])).toBe(0.5);
  });
});

describe('knob form', () => {
  it('splits and rebuilds range and list expressions', () => {
    expect(valuesForm('log:32B:4MB:32')).toEqual({ mode: 'log', list: '', start: '32B', stop: '4MB', count: '32' });
    expect(valuesText(valuesForm('lin:1:9:5'))).toBe('lin:1:9:5');
    expect(valuesForm('1, 2, 4')).toEqual({ mode: 'list', list: '1, 2, 4', start: '', stop: '', count: '' });
  });

  it('keeps the ends when switching between a list and a range', () => {
    expect(valuesText(switchMode(valuesForm('8, 16, 32, 64'), 'log'))).toBe('log:8:64:4');
    expect(valuesText(switchMode(valuesForm('lin:1:9:5'), 'list'))).toBe('1, 9');
    expect(valuesText(switchMode(valuesForm('lin:1:9:5'), 'log'))).toBe('log:1:9:5');
  });

  it('counts the values of complete expressions only', () => {
    expect(valueCount('log:32B:4MB:32')).toBe(32);
    expect(valueCount('1, 2,, 4')).toBe(3);
    expect(valueCount('lin::9:5')).toBeNull();
    expect(valueCount('')).toBeNull();
  });

  it('offers the catalogue variables of the spec files, user variables and memory sizes', () => {
    const examples = [
      { id: 'm', kind: 'workload' as const, path: 'w.yaml', title: '', description: '', presets: [], variables: [{ name: 'M', defaultValue: 128, required: false, description: '' }] },
      { id: 'x', kind: 'workload' as const, path: 'other.yaml', title: '', description: '', presets: [], variables: [{ name: 'X', defaultValue: 1, required: false, description: '' }] },
    ];
    expect(designVariableNames({ specFiles: ['a.yaml', 'w.yaml'], variables: { M: 64, DECODE: true } }, examples)).toEqual(['M', 'DECODE']);
    const arch = 'arch:\n  nodes:\n  - !Memory\n    name: MainMemory\n  - !Memory\n    name: GlobalBuffer\n  - !Compute\n    name: MAC\n';
    expect(fieldPathSuggestions({ files: {}, specFiles: ['a.yaml'] }, { 'a.yaml': arch })).toEqual([
      'arch.nodes[name=MainMemory].size',
      'arch.nodes[name=GlobalBuffer].size',
    ]);
  });
});

describe('eyeriss preset', () => {
  it('sweeps 32 log-spaced GlobalBuffer sizes from 32 B to 4 MB and plots energy per compute', () => {
    expect(EYERISS_SWEEP.knobs).toEqual([{ key: GLB, values: 'log:32B:4MB:32' }]);
    expect(valueCount(EYERISS_SWEEP.knobs[0]!.values)).toBe(32);
    expect([EYERISS_SWEEP.metric, EYERISS_SWEEP.perCompute, EYERISS_SWEEP.breakdown]).toEqual(['energy', true, true]);
    expect(presetDropsEdits({ files: { 'a.yaml': 'x' }, specFiles: ['a.yaml'] }, { 'a.yaml': 'x' })).toBe(false);
    expect(presetDropsEdits({ files: { 'a.yaml': 'y' }, specFiles: ['a.yaml'] }, { 'a.yaml': 'x' })).toBe(true);
  });
});

describe('sweepCsv', () => {
  it('writes the CLI columns in grid order and quotes error messages', () => {
    const run: SweepRunView = { status: 'done', knobs: [KNOB], total: 2, points: [failed(1, 4096), point(0, 256, 3000, 500)], errors: [] };
    const lines = sweepCsv(run).split('\n');
    expect(lines[0]).toBe(
      `${GLB},energy,latency,edp,compute_ops,energy_per_compute,area,leak_power,offchip_memory,offchip_accesses,energy_MainMemory,energy_GlobalBuffer,energy_MAC,seconds,error`,
    );
    expect(lines[1]).toBe('256,4500,0.000002,0.009,1000,4.5,0.000001,0,MainMemory,64,3000,500,1000,0.5,');
    expect(lines[2]).toBe('4096,,,,,,,,,,,,,0.1,"no valid mapping, ""tiny"""');
    expect(lines[3]).toBe('');
  });
});
