/** Numbers for people: SI prefixes, 4 significant digits. */

const PREFIXES: readonly [number, string][] = [
  [1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'],
  [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f'], [1e-18, 'a'],
];

/** `17629184, 'J'` → `17.63 MJ`; zero and non-finite values print plainly. */
export function formatSI(value: number, unit: string): string {
  if (value === 0 || !Number.isFinite(value)) return `${String(value)} ${unit}`.trim();
  const magnitude = Math.abs(value);
  const [scale, prefix] = PREFIXES.find(([s]) => magnitude >= s * 0.9995) ?? PREFIXES[PREFIXES.length - 1]!;
  return `${trimDigits(value / scale)} ${prefix}${unit}`;
}

function trimDigits(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A fraction as a percentage with one decimal. */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/** Counts with thousands separators (plain for huge values). */
export function formatCount(value: number): string {
  return Math.abs(value) >= 1e15 ? value.toExponential(3) : value.toLocaleString('en-US');
}

/** Four significant digits without a prefix (for units where SI prefixes mislead, like m²). */
export function formatPlain(value: number, unit: string): string {
  return `${Number(value.toPrecision(4))} ${unit}`;
}
