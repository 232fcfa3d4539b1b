import type { ModelCliJson } from '../engine/index.js';

const SI_PREFIXES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
  [1e-15, 'f'],
  [1e-18, 'a'],
];

/** `1.234 mJ`: four significant digits with an SI prefix. */
export function formatSI(value: number, unit: string): string {
  if (value === 0) return `0 ${unit}`;
  if (!Number.isFinite(value)) return `${value} ${unit}`;
  const magnitude = Math.abs(value);
  const [scale, prefix] = SI_PREFIXES.find(([s]) => magnitude >= s) ?? SI_PREFIXES[SI_PREFIXES.length - 1]!;
  return `${(value / scale).toPrecision(4)} ${prefix}${unit}`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Readable tables of an evaluation, energies in J and latencies in s with SI prefixes. */
export function formatEvaluation(json: ModelCliJson): string {
  const energyRows = json.energy_breakdown
    .filter((e) => e.energy !== 0)
    .map((e) => [e.einsum, e.component, e.tensor ?? '-', e.action, formatSI(e.energy, 'J')]);
  const latencyRows = json.latency_breakdown.map((l) => [l.einsum, l.component, formatSI(l.latency, 's')]);
  const usageRows = json.usage.map((u) => [u.einsum, u.component, u.tensor, `${(u.fraction * 100).toFixed(2)} %`]);
  return [
    `Energy:  ${formatSI(json.energy, 'J')}`,
    `Latency: ${formatSI(json.latency, 's')}`,
    '',
    'Energy breakdown (non-zero):',
    table(['einsum', 'component', 'tensor', 'action', 'energy'], energyRows),
    '',
    'Latency breakdown:',
    table(['einsum', 'component', 'latency'], latencyRows),
    '',
    'Memory usage:',
    table(['einsum', 'component', 'tensor', 'fraction'], usageRows),
    '',
  ].join('\n');
}
