/** Area and leak power per arch component, for the breakdown bars. */
import type { EvaluationData } from '../../../engine/index.js';

export interface ComponentBar {
  readonly name: string;
  readonly area: number;
  readonly leakPower: number;
}

/** One bar per component in arch order; null when the evaluation carries no per-component data. */
export function componentBars(data: EvaluationData): ComponentBar[] | null {
  if (data.components === undefined) return null;
  return data.components.map((c) => ({ name: c.component, area: c.area, leakPower: c.leakPower }));
}

/** Sums in bar order, the same order the engine sums its totals in. */
export function barTotals(bars: readonly ComponentBar[]): { area: number; leakPower: number } {
  let area = 0;
  let leakPower = 0;
  for (const b of bars) {
    area += b.area;
    leakPower += b.leakPower;
  }
  return { area, leakPower };
}
