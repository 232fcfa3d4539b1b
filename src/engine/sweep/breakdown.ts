/** Area and leak power per component, and side-by-side comparisons of designs or mappings. */
import type { ModelResult } from '../model/index.js';

export interface ComponentBreakdownRow {
  readonly component: string;
  /** m², all instances. */
  readonly area: number;
  /** W, all instances. */
  readonly leakPower: number;
  /** Share of the arch's total area (0 when the total is 0). */
  readonly areaShare: number;
  readonly leakShare: number;
  /** Energy of the mapping in this component (dynamic + leak). */
  readonly energy: number;
}

/** One row per arch component, in arch order. */
export function componentBreakdown(result: ModelResult): ComponentBreakdownRow[] {
  const area = result.totalArea();
  const leak = result.totalLeakPower();
  const energy = result.energyBy(['component']);
  return result.components.map((c) => ({
    component: c.component,
    area: c.totalArea,
    leakPower: c.totalLeakPower,
    areaShare: area === 0 ? 0 : c.totalArea / area,
    leakShare: leak === 0 ? 0 : c.totalLeakPower / leak,
    energy: energy.get(c.component) ?? 0,
  }));
}

export interface ComparedDesign {
  readonly label: string;
  readonly energy: number;
  readonly latency: number;
  readonly edp: number;
  readonly energyPerCompute: number;
  readonly area: number;
  readonly leakPower: number;
  /** Each figure divided by the first design's (1 for the first; NaN when the base is 0). */
  readonly relative: { readonly energy: number; readonly latency: number; readonly edp: number; readonly area: number };
}

/** Energy, latency, EDP and area of two or more designs, side by side, relative to the first. */
export function compareDesigns(designs: readonly { readonly label: string; readonly result: ModelResult }[]): ComparedDesign[] {
  const rows = designs.map(({ label, result }) => {
    const energy = result.energy();
    const latency = result.latency();
    return { label, energy, latency, edp: energy * latency, energyPerCompute: result.energyPerCompute(), area: result.totalArea(), leakPower: result.totalLeakPower() };
  });
  const base = rows[0];
  const ratio = (a: number, b: number | undefined) => (b === undefined || b === 0 ? NaN : a / b);
  return rows.map((r) => ({
    ...r,
    relative: { energy: ratio(r.energy, base?.energy), latency: ratio(r.latency, base?.latency), edp: ratio(r.edp, base?.edp), area: ratio(r.area, base?.area) },
  }));
}
