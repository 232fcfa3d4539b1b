import type { Located } from './model.js';
import type { PlainMap, Reporter } from './source.js';
import { asNameList, getKey } from './values.js';

/** AccelForge metric bits (docs/spec-format.md §9.2) for Timeloop's optimisation metrics. */
const METRIC_BITS: Record<string, number> = { edp: 128, energy: 2, delay: 1 };

const IGNORED = new Set(['version', 'out_prefix', 'optimization_metrics', 'optimization_metric']);

/** `mapper:` for the converted spec (the objective), reporting Timeloop's search knobs as dropped. */
export function convertMapper(mapper: Located | undefined, report: Reporter): PlainMap | undefined {
  if (!mapper) return undefined;
  const { src, node } = mapper;
  const names = asNameList(getKey(node, 'optimization_metrics') ?? getKey(node, 'optimization_metric'));
  let metrics = 0;
  for (const name of names) {
    const bits = METRIC_BITS[name];
    if (bits !== undefined) metrics |= bits;
    else report.add('dropped', `optimization metric ${name}`, 'AccelForge has no such objective (only energy, latency and their product)', src, node);
  }
  const knobs = Object.keys(node).filter((k) => !IGNORED.has(k) && !IGNORED.has(k.replace(/-/g, '_')));
  if (knobs.length > 0) {
    report.add('dropped', `mapper settings (${knobs.join(', ')})`,
      'Timeloop search settings (algorithm, threads, timeout, victory condition) have no counterpart in the FFM mapper', src, node);
  }
  return metrics === 0 ? undefined : { metrics };
}
