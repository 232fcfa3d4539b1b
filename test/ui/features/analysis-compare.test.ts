import { describe, expect, it } from 'vitest';
import type { EvaluationData } from '../../../src/engine/index.js';
import { barTotals, componentBars } from '../../../src/ui/features/analysis/area-data.js';
import { compareRows, pinLabel, pinOf } from '../../../src/ui/features/analysis/compare-data.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';

const DATA: EvaluationData = {
  totals: { energy: 2e-6, latency: 4e-5, edp: 8e-11, computeOps: 10, energyPerCompute: 2e-7, area: 0.75, leakPower: 0.5 },
  energy: [],
  actions: [],
  latency: [],
  memoryUsage: [],
  einsums: [],
  mappingYaml: '',
  loopTree: [],
  components: [
    { component: 'MainMemory', area: 0, leakPower: 0 },
    { component: 'GlobalBuffer', area: 0.5, leakPower: 0.125 },
    { component: 'MAC', area: 0.25, leakPower: 0.375 },
  ],
};

describe('area and leak bars', () => {
  it('has one bar per component whose sums are the evaluation totals', () => {
    const bars = componentBars(DATA);
    expect(bars?.map((b) => b.name)).toEqual(['MainMemory', 'GlobalBuffer', 'MAC']);
    expect(barTotals(bars ?? [])).toEqual({ area: 0.75, leakPower: 0.5 });
  });

  it('is null for an evaluation without per-component data', () => {
    const { components: _ignored, ...older } = DATA;
    expect(componentBars(older)).toBeNull();
  });
});

describe('pins', () => {
  it('labels a pin with the spec files and the Pareto point', () => {
    expect(pinLabel(['arches/simple.yaml', 'workloads/basic/matmuls.yaml'], { index: 2, of: 5 })).toBe('simple + matmuls · point 3/5');
    expect(pinLabel(['arches/simple.yaml'], { index: 0, of: 1 })).toBe('simple');
  });

  it('numbers pins past the highest id so labels stay unique after unpinning', () => {
    const store = createExplorerStore();
    const first = pinOf(DATA, 'a', store.getState().pins);
    store.getState().pinResult(first);
    const second = pinOf({ ...DATA, totals: { ...DATA.totals, energy: 3e-6 } }, 'b', store.getState().pins);
    store.getState().pinResult(second);
    expect(second).toEqual({ id: 2, label: '#2 b', energy: 3e-6, latency: 4e-5, area: 0.75, leakPower: 0.5 });
    store.getState().unpinResult(1);
    expect(pinOf(DATA, 'c', store.getState().pins).id).toBe(3);
    expect(compareRows(store.getState().pins, 'energy')).toEqual([{ name: '#2 b', value: 3e-6, id: 2 }]);
    store.getState().clearPins();
    expect(store.getState().pins).toEqual([]);
  });

  it('gives one comparison row per pin and metric', () => {
    const pins = [pinOf(DATA, 'a', []), { ...pinOf(DATA, 'b', []), id: 2, latency: 1 }];
    expect(compareRows(pins, 'latency').map((r) => r.value)).toEqual([4e-5, 1]);
    expect(compareRows(pins, 'area').map((r) => r.value)).toEqual([0.75, 0.75]);
  });
});
