/**
 * Technology-node scaling between any two nodes in metres. Inside the tabulated range
 * [7, 130] nm the factor is interpolated on the node index; outside it the node is clamped
 * and the leftover ratio scales area linearly and energy with its square root.
 */
import { AREA_SCALING, ENERGY_SCALING, TECH_NODES } from '../data/tech-scaling-tables.js';
import { ModelRejection } from '../types.js';

const SMALLEST = TECH_NODES[TECH_NODES.length - 1] as number;
const LARGEST = TECH_NODES[0] as number;
const DEFAULT_VDD = 0.8;

/** Fractional position of `node` in TECH_NODES (e.g. 40 nm → 3.3846). */
export function techNodeIndex(node: number): number {
  if (!(node >= SMALLEST && node <= LARGEST)) {
    throw new ModelRejection(`tech node ${node} m is outside [${SMALLEST}, ${LARGEST}] m`);
  }
  for (let i = 0; i < TECH_NODES.length; i++) {
    const here = TECH_NODES[i] as number;
    if (node === here) return i;
    const next = TECH_NODES[i + 1] as number;
    if (node < here && node > next) return i + 1 - (node - next) / (here - next);
  }
  return TECH_NODES.length - 1;
}

function clamp(node: number): { node: number; leftover: number } {
  if (node < SMALLEST) return { node: SMALLEST, leftover: node / SMALLEST };
  if (node > LARGEST) return { node: LARGEST, leftover: node / LARGEST };
  return { node, leftover: 1 };
}

function tableAt(row: number, col: number): number {
  return (AREA_SCALING[row] as readonly number[])[col] as number;
}

/** Area factor for moving a design from node `from` to node `to`. */
export function techNodeArea(to: number, from: number): number {
  const f = clamp(from);
  const t = clamp(to);
  const x = techNodeIndex(f.node);
  const y = techNodeIndex(t.node);
  const [x0, x1, fx] = [Math.floor(x), Math.ceil(x), x % 1];
  const [y0, y1, fy] = [Math.floor(y), Math.ceil(y), y % 1];
  const bilinear =
    tableAt(x0, y0) * (1 - fx) * (1 - fy) +
    tableAt(x0, y1) * (1 - fx) * fy +
    tableAt(x1, y0) * fx * (1 - fy) +
    tableAt(x1, y1) * fx * fy;
  return (t.leftover / f.leftover) * bilinear;
}

function relativeEnergy(index: number, vdd: number): number {
  const at = (i: number): number => {
    const [a, b, c] = ENERGY_SCALING[i] as readonly [number, number, number];
    return a * vdd * vdd + b * vdd + c;
  };
  const frac = index % 1;
  return at(Math.floor(index)) * (1 - frac) + at(Math.ceil(index)) * frac;
}

/** Energy factor from node `from` to node `to` (also used for leakage power). */
export function techNodeEnergy(to: number, from: number, vdd: number = DEFAULT_VDD): number {
  const f = clamp(Math.max(from, 1e-9));
  const t = clamp(Math.max(to, 1e-9));
  const leftover = Math.sqrt(t.leftover / f.leftover);
  return (relativeEnergy(techNodeIndex(t.node), vdd) / relativeEnergy(techNodeIndex(f.node), vdd)) * leftover;
}

export const techNodeLeak = techNodeEnergy;

/** Latency grows with the node: to/from. */
export function techNodeLatency(to: number, from: number): number {
  return to / from;
}

/** Throughput shrinks with the node: from/to. */
export function techNodeThroughput(to: number, from: number): number {
  return from / to;
}
