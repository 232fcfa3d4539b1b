/** The sweep as CSV, in the CLI's columns: knobs, headline metrics, energy per component, time, error. */
import type { SweepRunView } from '../../store/sweep-slice.js';

const METRIC_COLUMNS = ['energy', 'latency', 'edp', 'compute_ops', 'energy_per_compute', 'area', 'leak_power', 'offchip_memory', 'offchip_accesses'] as const;

/** One row per finished point in grid order (RFC 4180 quoting, `\n` line ends). */
export function sweepCsv(run: SweepRunView): string {
  const points = [...run.points].sort((a, b) => a.point.index - b.point.index);
  const components = [...new Set(points.flatMap((p) => Object.keys(p.point.metrics?.energyByComponent ?? {})))];
  const header = [...run.knobs.map((k) => k.key), ...METRIC_COLUMNS, ...components.map((c) => `energy_${c}`), 'seconds', 'error'];
  const rows = points.map(({ point }) => {
    const m = point.metrics;
    const metrics = m
      ? [m.energy, m.latency, m.edp, m.computeOps, m.energyPerCompute, m.area, m.leakPower, m.offChipMemory ?? '', m.offChipAccesses]
      : METRIC_COLUMNS.map(() => '');
    const energies = components.map((c) => m?.energyByComponent[c] ?? '');
    return [...run.knobs.map((k) => point.knobs[k.key] ?? ''), ...metrics, ...energies, point.seconds, point.errors.map((e) => e.message).join('; ')];
  });
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function cell(value: unknown): string {
  const text = value === Infinity ? 'inf' : value === -Infinity ? '-inf' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
