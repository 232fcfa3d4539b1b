import type { Attr, ComponentLevel } from './model.js';
import type { Plain, Reporter } from './source.js';
import { asNumber, asString } from './values.js';

/** Attributes whose value is converted, or that only label the level. */
export const CONVERTED_ATTRIBUTES = new Set([
  'depth', 'width', 'datawidth', 'entries', 'sizeKB', 'memory_depth', 'memory_width', 'word-bits', 'word_bits',
  'block-size', 'block_size', 'technology', 'global_cycle_seconds', 'n_banks', 'n_rw_ports', 'nports', 'n_rdwr_ports',
  'num_ports', 'type', 'meshX', 'meshY', 'read_bandwidth', 'write_bandwidth', 'shared_bandwidth', 'version',
  'action_latency_cycles', 'latency', 'required_actions', 'nbanks',
]);

/** Timeloop attributes with no AccelForge counterpart, their Timeloop default and why they go. */
const LOST_ATTRIBUTES: Record<string, { default: Plain; reason: string }> = {
  multiple_buffering: { default: 1, reason: 'AccelForge has no capacity reservation for multiple buffering' },
  min_utilization: { default: 0, reason: 'AccelForge has no capacity-utilisation floor (min_usage is per spatial dimension)' },
  reduction_supported: { default: true, reason: 'AccelForge always allows in-place accumulation' },
  allow_overbooking: { default: false, reason: 'AccelForge does not model overbooking' },
  cluster_size: {
    default: 1,
    reason: 'Timeloop charges one access per cluster of instances even when the mapping uses only some of them; '
      + 'AccelForge packs width/datawidth values in every action: expect AccelForge lower by the unused fraction of each cluster',
  },
  network_fill_latency: { default: null, reason: 'network pipeline latencies are not modelled' },
  network_drain_latency: { default: null, reason: 'network pipeline latencies are not modelled' },
  per_dataspace_bandwidth_consumption_scale: { default: null, reason: 'only per-action throughput is modelled' },
  has_power_gating: { default: false, reason: 'power gating is set per spatial dimension in AccelForge (power_gateable); not converted' },
  power_gated_at: { default: null, reason: 'power gating is not converted' },
  compression_supported: { default: false, reason: 'sparse compression is not modelled' },
  decompression_supported: { default: false, reason: 'sparse compression is not modelled' },
  concordant_compressed_tile_traversal: { default: false, reason: 'sparse traversal is not modelled' },
  tile_partition_supported: { default: false, reason: 'sparse tiling is not modelled' },
  update_fifo_depth: { default: null, reason: 'update FIFOs are not modelled' },
};

/** Attribute lookup accepting the old v0.3 spellings. */
export function attr(level: ComponentLevel, ...names: string[]): Plain | undefined {
  for (const name of names) {
    const a = level.attrs.get(name);
    if (a !== undefined && a.value !== null) return a.value;
  }
  return undefined;
}

/** Numeric attribute (first spelling that is a number). */
export function numAttr(level: ComponentLevel, ...names: string[]): number | undefined {
  for (const name of names) {
    const v = asNumber(attr(level, name));
    if (v !== undefined) return v;
  }
  return undefined;
}

const NUMERIC_ATTRIBUTES = new Set(['depth', 'width', 'datawidth', 'entries', 'sizeKB', 'memory_depth', 'memory_width', 'word-bits',
  'word_bits', 'block-size', 'block_size', 'global_cycle_seconds', 'read_bandwidth', 'write_bandwidth', 'shared_bandwidth']);

/** Report the attributes of a level that cannot be converted (each source line once). */
export function reportLostAttributes(level: ComponentLevel, report: Reporter, seen: Set<unknown>): void {
  for (const [name, a] of level.attrs) {
    if (NUMERIC_ATTRIBUTES.has(name) && typeof a.value === 'string' && asNumber(a.value) === undefined && !seen.has(key(a, name))) {
      seen.add(key(a, name));
      report.add('dropped', `attribute ${name}: ${a.value} (${level.name})`, 'expressions in attributes are not evaluated (only numbers and variable names); the default is used', a.at.src, a.at.node, name);
      continue;
    }
    if (CONVERTED_ATTRIBUTES.has(name)) continue;
    const lost = LOST_ATTRIBUTES[name] ?? (name.startsWith('metadata_') ? { default: null, reason: 'sparse metadata storage is not modelled' } : undefined);
    if (!lost || sameValue(a.value, lost.default) || seen.has(key(a, name))) continue;
    seen.add(key(a, name));
    report.add(name === 'multiple_buffering' ? 'approximated' : 'dropped', `attribute ${name}: ${String(a.value)} (${level.name})`, lost.reason, a.at.src, a.at.node, name);
  }
}

function key(a: Attr, name: string): string {
  const pos = a.at.src.pos(a.at.node, name);
  return `${a.at.src.path}:${pos?.line}:${pos?.col}:${name}`;
}

function sameValue(a: Plain, b: Plain): boolean {
  if (a === b) return true;
  return asString(a) === asString(b) && a !== null && b !== null;
}

/** Extra attributes passed to the hwcomponents model that are not handled elsewhere. */
export function passThroughAttributes(level: ComponentLevel): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [name, a] of level.attrs) {
    if (CONVERTED_ATTRIBUTES.has(name) || name in LOST_ATTRIBUTES || name.startsWith('metadata_')) continue;
    if (typeof a.value === 'number' || typeof a.value === 'string' || typeof a.value === 'boolean') out[name] = a.value;
  }
  return out;
}

/** Technology node in metres from Accelergy's `"40nm"` / `45` / `"65 nm"`. */
export function techNodeMetres(value: Plain | undefined): number | undefined {
  if (typeof value === 'number') return value > 1e-3 ? Number((value * 1e-9).toPrecision(12)) : value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([\d.]+)\s*(nm|um|m)?\s*$/i.exec(value);
  if (!m) return undefined;
  const scale = { nm: 1e-9, um: 1e-6, m: 1 }[(m[2] ?? 'nm').toLowerCase() as 'nm' | 'um' | 'm'];
  return Number((Number(m[1]) * scale).toPrecision(12));
}
