import { attr, numAttr, passThroughAttributes, reportLostAttributes, techNodeMetres } from './attributes.js';
import { hwComponentClass } from './classes.js';
import type { ArchConstraints } from './constraints.js';
import type { CostTables } from './ert.js';
import type { ComponentLevel, FanoutLevel, Level } from './model.js';
import type { Plain, PlainMap, Reporter } from './source.js';
import { asString } from './values.js';

/** What the arch emitter needs besides the levels. */
export interface ArchContext {
  costs: CostTables;
  constraints: ArchConstraints;
  /** Bits per value of the workload (the most common `datawidth`). */
  bitsPerValue: number;
  techNode?: number;
  report: Reporter;
  lostSeen: Set<unknown>;
}

const PJ = 1e-12;
const UM2 = 1e-12;

/** AccelForge `arch.nodes` for the converted levels. */
export function emitArchNodes(levels: readonly Level[], ctx: ArchContext): PlainMap[] {
  const firstStorage = levels.find((l) => l.kind === 'storage');
  return levels.map((level) => {
    if (level.kind === 'fanout') return emitFanout(level, ctx);
    reportLostAttributes(level, ctx.report, ctx.lostSeen);
    return level.kind === 'storage' ? emitMemory(level, level === firstStorage, ctx) : emitCompute(level, ctx);
  });
}

function emitFanout(level: FanoutLevel, ctx: ArchContext): PlainMap {
  const bounds = ctx.constraints.loopBounds.get(level.name);
  const spatial: Plain[] = [];
  for (const [axis, fanout] of [['X', level.meshX], ['Y', level.meshY]] as const) {
    if (fanout <= 1) continue;
    // Timeloop charges leakage only for the instances a mapping uses. AccelForge gates unused
    // instances of power_gateable dimensions by usage / fanout, with usage already divided by
    // the fanout (docs/model.md §7.3); usage_scale = fanout cancels that second division.
    const dim: PlainMap = { name: axis, fanout, power_gateable: true, usage_scale: fanout, ...ctx.constraints.spatialFields.get(level.name) };
    const lb = bounds?.get(axis);
    if (lb && lb.length > 0) dim['loop_bounds'] = lb;
    spatial.push(dim);
  }
  if (spatial.length > 0 && !ctx.lostSeen.has(GATING)) {
    ctx.lostSeen.add(GATING);
    ctx.report.add('approximated', 'leakage of unused instances',
      'Timeloop charges leakage only for the instances a mapping uses; the fanouts are power_gateable with usage_scale = fanout '
      + '(AccelForge divides usage by the fanout twice when gating), so reported spatial usage is in instances, not a fraction', level.at.src, level.at.node);
  }
  return { $tag: 'Container', name: level.name, spatial };
}

const GATING = Symbol('power gating note');

/** `perCycle / cycle` without floating-point noise (1 / 1e-9 is 999999999.9999999). */
function perSecond(perCycle: number, cycle: number): number {
  return tidy(perCycle / cycle);
}

/** Drop floating-point noise from unit conversions (0.845 * 1e-12 is 8.449999999999999e-13). */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Seconds per cycle (Timeloop's `global_cycle_seconds`, 1 ns when absent). */
export function cycleSeconds(level: ComponentLevel): number {
  return numAttr(level, 'global_cycle_seconds') ?? 1e-9;
}

/** Bits per stored value and bits per access of a storage level. */
export function memoryWidths(level: ComponentLevel, bitsPerValue: number): { datawidth: number; width: number } {
  const datawidth = numAttr(level, 'datawidth', 'word-bits', 'word_bits') ?? bitsPerValue;
  const width = numAttr(level, 'width', 'memory_width') ?? datawidth * (numAttr(level, 'block_size', 'block-size') ?? 1);
  return { datawidth, width };
}

function emitMemory(level: ComponentLevel, outermost: boolean, ctx: ArchContext): PlainMap {
  const { datawidth, width } = memoryWidths(level, ctx.bitsPerValue);
  const isDram = level.cls.toLowerCase() === 'dram';
  const hw = hwComponentClass(level.cls, asString(attr(level, 'type')));
  reportClass(level, hw, ctx);
  const node: PlainMap = { $tag: 'Memory', name: level.name, component_class: hw.name, size: isDram ? 'inf' : memorySize(level, width, datawidth) };
  node['bits_per_action'] = width;
  if (datawidth !== ctx.bitsPerValue) node['bits_per_value'] = { All: datawidth };
  const tensors = outermost ? { keep: 'All' } : ctx.constraints.tensors.get(level.name);
  if (tensors) node['tensors'] = tensors;
  node['extra_attributes_for_component_model'] = componentAttributes(level, width, ctx);
  addCosts(node, level, ctx, memoryActions(level, width, datawidth, ctx));
  const latency = bandwidthLatency(level);
  if (latency) node['total_latency'] = latency;
  return node;
}

const CALLS = (action: string): string => `actions['${action}'].n_calls / actions['${action}'].throughput`;

/** Timeloop's port model: one shared port serialises reads and writes, separate ports overlap. */
function bandwidthLatency(level: ComponentLevel): string | undefined {
  if (numAttr(level, 'shared_bandwidth') !== undefined) {
    return "(actions['read'].n_calls + actions['write'].n_calls) / actions['read'].throughput";
  }
  if (numAttr(level, 'read_bandwidth') === undefined && numAttr(level, 'write_bandwidth') === undefined) return undefined;
  return `max(${CALLS('read')}, ${CALLS('write')})`;
}

function memorySize(level: ComponentLevel, width: number, datawidth: number): Plain {
  const depth = numAttr(level, 'depth', 'memory_depth');
  if (depth !== undefined) return depth * width;
  const entries = numAttr(level, 'entries');
  if (entries !== undefined) return entries * datawidth;
  const sizeKB = numAttr(level, 'sizeKB');
  if (sizeKB !== undefined) return sizeKB * 8192;
  return 'inf';
}

function memoryActions(level: ComponentLevel, width: number, datawidth: number, ctx: ArchContext): PlainMap[] {
  const table = ctx.costs.energy.get(level.name);
  const cycle = cycleSeconds(level);
  const throughput = (bw: number | undefined): Plain => (bw === undefined ? 'inf' : perSecond((bw * datawidth) / width, cycle));
  const shared = numAttr(level, 'shared_bandwidth');
  const read: PlainMap = { name: 'read', throughput: throughput(numAttr(level, 'read_bandwidth') ?? shared) };
  const write: PlainMap = { name: 'write', throughput: throughput(numAttr(level, 'write_bandwidth') ?? shared) };
  if (table) {
    const readE = table.get('read');
    const writeE = table.get('write') ?? table.get('update');
    if (readE !== undefined) read['energy'] = tidy(readE * PJ);
    if (writeE !== undefined) write['energy'] = tidy(writeE * PJ);
    const update = table.get('update');
    if (update !== undefined && writeE !== undefined && update !== writeE) {
      ctx.report.add('approximated', `update energy of ${level.name}`,
        `Timeloop charges ${update} pJ per read-modify-write update and ${writeE} pJ per fill; AccelForge has one write energy (the fill energy is used)`, level.at.src, level.at.node);
    }
  }
  return [read, write];
}

function emitCompute(level: ComponentLevel, ctx: ArchContext): PlainMap {
  const hw = hwComponentClass(level.cls, undefined);
  reportClass(level, hw, ctx);
  const node: PlainMap = { $tag: 'Compute', name: level.name, component_class: hw.name };
  const width = numAttr(level, 'width', 'datawidth', 'word-bits') ?? ctx.bitsPerValue;
  node['extra_attributes_for_component_model'] = { ...componentAttributes(level, width, ctx), multiplier_width: width, adder_width: width };
  const table = ctx.costs.energy.get(level.name);
  const compute: PlainMap = { name: 'compute', throughput: perSecond(1, cycleSeconds(level)) };
  const energy = table?.get('compute') ?? table?.get('mac_random');
  if (energy !== undefined) compute['energy'] = tidy(energy * PJ);
  addCosts(node, level, ctx, [compute], false);
  return node;
}

function addCosts(node: PlainMap, level: ComponentLevel, ctx: ArchContext, actions: PlainMap[], chargeLeak = true): void {
  const table = ctx.costs.energy.get(level.name);
  // v0.3 ERTs also list 'idle'; Timeloop did not charge it for the modelled cycles, so it is not leak.
  const leak = table?.get('leak');
  if (table) node['leak_power'] = chargeLeak ? tidy(((leak ?? 0) * PJ) / cycleSeconds(level)) : 0;
  if (!chargeLeak && leak) {
    ctx.report.add('approximated', `leak of ${level.name}`,
      `Timeloop charges no leakage for arithmetic units, so the ERT's leak of ${leak} pJ per cycle is not carried over (leak_power: 0)`, level.at.src, level.at.node);
  }
  const area = ctx.costs.area.get(level.name);
  if (area !== undefined) node['area'] = tidy(area * UM2);
  else if (table) {
    node['area'] = 0;
    ctx.report.add('approximated', `area of ${level.name}`, 'the ERT gives its energies but no ART gives its area; area is set to 0', level.at.src, level.at.node);
  }
  node['actions'] = actions;
}

function componentAttributes(level: ComponentLevel, width: number, ctx: ArchContext): PlainMap {
  const out: PlainMap = { ...passThroughAttributes(level), width };
  const depth = numAttr(level, 'depth', 'memory_depth');
  if (depth !== undefined) out['depth'] = depth;
  const banks = numAttr(level, 'n_banks', 'nbanks');
  if (banks !== undefined) out['n_banks'] = banks;
  const ports = numAttr(level, 'n_rw_ports', 'n_rdwr_ports', 'nports', 'num_ports');
  if (ports !== undefined) out['n_rw_ports'] = ports;
  const tech = techNodeMetres(attr(level, 'technology'));
  if (tech !== undefined && tech < 1e-6 && tech !== ctx.techNode) out['tech_node'] = tech;
  return out;
}

function reportClass(level: ComponentLevel, hw: { name: string; exact: boolean }, ctx: ArchContext): void {
  if (hw.exact || ctx.costs.energy.has(level.name)) return;
  ctx.report.add('approximated', `component class ${level.cls} (${level.name})`,
    `no ERT given and no exact hwcomponents model; ${hw.name} is used`, level.at.src, level.at.node, 'class');
}
