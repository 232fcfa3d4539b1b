/** Sweep results as CSV: one row per point, knob columns first, then metrics and per-component energy. */
import type { SweepResult } from './sweep.js';

const METRIC_COLUMNS = ['energy', 'latency', 'edp', 'compute_ops', 'energy_per_compute', 'area', 'leak_power', 'offchip_memory', 'offchip_accesses'] as const;

/** CSV text (RFC 4180 quoting, `\n` line ends). Failed points have empty metric cells and an error. */
export function sweepToCsv(sweep: SweepResult): string {
  const components = [...new Set(sweep.points.flatMap((p) => Object.keys(p.metrics?.energyByComponent ?? {})))];
  const header = [...sweep.knobs.map((k) => k.key), ...METRIC_COLUMNS, ...components.map((c) => `energy_${c}`), 'seconds', 'error'];
  const rows = sweep.points.map((p) => {
    const m = p.metrics;
    const metrics = m
      ? [m.energy, m.latency, m.edp, m.computeOps, m.energyPerCompute, m.area, m.leakPower, m.offChipMemory ?? '', m.offChipAccesses]
      : METRIC_COLUMNS.map(() => '');
    const energies = components.map((c) => m?.energyByComponent[c] ?? '');
    const error = p.errors.map((e) => e.message).join('; ');
    return [...sweep.knobs.map((k) => p.knobs[k.key] ?? ''), ...metrics, ...energies, p.seconds, error];
  });
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function cell(value: unknown): string {
  const text = typeof value === 'number' ? numberText(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberText(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
