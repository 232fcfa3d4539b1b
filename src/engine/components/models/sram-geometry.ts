/**
 * The SRAM wrapper around CACTI: shape the array (width × depth), normalise it to a shape
 * CACTI accepts, correct the raw result back for the size difference, and handle tech
 * nodes CACTI does not support (interpolate between nodes, or scale from 22 nm).
 */
import type { CactiOracle, CactiResult } from '../cacti/cacti-oracle.js';
import type { Attributes } from '../types.js';
import { ModelRejection } from '../types.js';
import { integerAttrOr, numberAttr, optionalNumberAttr } from '../model-definition.js';

export const CACTI_TECH_NM: readonly number[] = [22, 32, 45, 65, 90];

/** Array shape and organisation of an SRAM, in bits. */
export interface SramShape {
  readonly width: number;
  readonly depth: number;
  readonly size: number;
  readonly ports: number;
  readonly banks: number;
  readonly techNm: number;
}

/** SRAM costs in SI units (leak is for all banks). */
export interface SramCosts {
  readonly readEnergy: number;
  readonly writeEnergy: number;
  readonly leakPower: number;
  readonly area: number;
  readonly cycleTime: number;
  readonly accessTime: number;
  readonly notes: readonly string[];
}

/** Resolve width/depth/size: width defaults to max(16, ⌈√size⌉) and depth to size/width. */
export function sramShape(attrs: Attributes): SramShape {
  const size = optionalNumberAttr(attrs, 'size');
  let width = optionalNumberAttr(attrs, 'width');
  let depth = optionalNumberAttr(attrs, 'depth');
  if (width === undefined) {
    if (size === undefined) throw new ModelRejection('SRAM needs width or size');
    width = depth === undefined ? Math.max(16, Math.ceil(Math.sqrt(size))) : size / depth;
  }
  if (depth === undefined) {
    if (size === undefined) throw new ModelRejection('SRAM needs depth or size when width is given');
    depth = size / width;
  }
  if (size !== undefined && Math.abs(size - depth * width) > 1e-6 * Math.max(Math.abs(size), Math.abs(depth * width))) {
    throw new ModelRejection(`SRAM size ${size} does not equal depth ${depth} × width ${width}`);
  }
  if (!(width > 0 && depth > 0 && Number.isFinite(width * depth))) {
    throw new ModelRejection(`SRAM needs a finite positive size, got width ${width} × depth ${depth}`);
  }
  return {
    width,
    depth,
    size: width * depth,
    ports: integerAttrOr(attrs, 'n_rw_ports', 1),
    banks: integerAttrOr(attrs, 'n_banks', 1),
    techNm: numberAttr(attrs, 'tech_node') * 1e9,
  };
}

type Numbers = [number, number, number, number, number, number];

function asNumbers(c: SramCosts): Numbers {
  return [c.readEnergy, c.writeEnergy, c.leakPower, c.area, c.cycleTime, c.accessTime];
}

function fromNumbers(n: Numbers, notes: readonly string[]): SramCosts {
  const [readEnergy, writeEnergy, leakPower, area, cycleTime, accessTime] = n;
  return { readEnergy, writeEnergy, leakPower, area, cycleTime, accessTime, notes };
}

/** CACTI at one supported node, for a shape rounded up to what CACTI accepts, then scaled back. */
function atCactiNode(shape: SramShape, techNm: number, oracle: CactiOracle): SramCosts {
  const banksPow2 = 2 ** Math.ceil(Math.log2(shape.banks));
  const cactiWidth = Math.max(Math.ceil(shape.width / 8) * 8, 32);
  const cactiDepth = Math.max(shape.depth, 64 * shape.banks);
  const widthRatio = shape.width / cactiWidth;
  const depthRatio = shape.depth / cactiDepth;
  const raw: CactiResult = oracle.query({
    techNm,
    capacityBytes: Math.floor((cactiWidth * cactiDepth) / 8),
    blockBytes: Math.floor(cactiWidth / 8),
    ports: shape.ports,
    banks: banksPow2,
  });
  // Empirical corrections for the rounding up (fitted by hwcomponents against CACTI).
  const energyFix = (widthRatio * 0.7 + 0.3) * depthRatio ** 0.78;
  const areaFix = widthRatio * depthRatio;
  return {
    readEnergy: raw.readEnergy * energyFix,
    writeEnergy: raw.writeEnergy * energyFix,
    leakPower: raw.leakPowerPerBank * shape.banks * areaFix,
    area: raw.area * areaFix,
    cycleTime: raw.cycleTime,
    accessTime: raw.accessTime,
    notes: [raw.note],
  };
}

/** SRAM costs at the shape's tech node. */
export function sramCosts(shape: SramShape, oracle: CactiOracle): SramCosts {
  const t = shape.techNm;
  const lowest = CACTI_TECH_NM[0] as number;
  const highest = CACTI_TECH_NM[CACTI_TECH_NM.length - 1] as number;
  if (t < lowest || t > highest) return outsideCactiRange(shape, oracle, lowest);
  const lo = Math.max(...CACTI_TECH_NM.filter((n) => n <= t));
  const hi = Math.min(...CACTI_TECH_NM.filter((n) => n >= t));
  if (lo === hi) return atCactiNode(shape, lo, oracle);
  const p = (t - lo) / (hi - lo);
  const a = atCactiNode(shape, lo, oracle);
  const b = atCactiNode(shape, hi, oracle);
  const mixed = asNumbers(a).map((v, i) => (1 - p) * v + p * (asNumbers(b)[i] as number)) as Numbers;
  return fromNumbers(mixed, [...a.notes, ...b.notes, `interpolated linearly between ${lo} and ${hi} nm`]);
}

/**
 * Nodes CACTI lacks: run at 22 nm and scale by s = t/22 (energy √s, area and time s).
 * Below 22 nm leakage also scales by √s·0.79 (FinFETs leak ~21 % less); above 90 nm it
 * keeps the 22 nm value, as hwcomponents does.
 */
function outsideCactiRange(shape: SramShape, oracle: CactiOracle, base: number): SramCosts {
  const s = shape.techNm / base;
  const c = atCactiNode(shape, base, oracle);
  const leakFactor = shape.techNm < base ? Math.sqrt(s) * 0.79 : 1;
  return {
    readEnergy: c.readEnergy * Math.sqrt(s),
    writeEnergy: c.writeEnergy * Math.sqrt(s),
    leakPower: c.leakPower * leakFactor,
    area: c.area * s,
    cycleTime: c.cycleTime * s,
    accessTime: c.accessTime * s,
    notes: [...c.notes, `scaled from ${base} nm to ${shape.techNm} nm`],
  };
}
