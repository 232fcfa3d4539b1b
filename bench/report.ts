import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  readonly bench: string;
  readonly case: string;
  readonly metric: string;
  /** A figure, or why there is none ('timeout', 'error', 'n/a'). */
  readonly value: number | string;
  readonly goal: string;
}

export const OUT_DIR = join(import.meta.dirname, 'out');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** RFC 4180 quoting, only where needed. */
export function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function valueText(value: BenchRow['value']): string {
  if (typeof value === 'string') return value;
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

export function printRows(rows: readonly BenchRow[]): void {
  for (const row of rows) {
    process.stdout.write(`${row.bench.padEnd(9)} ${row.case.padEnd(50)} ${row.metric.padEnd(34)} ${valueText(row.value).padStart(10)}  (goal ${row.goal})\n`);
  }
}

/** Writes bench/out/bench.csv. */
export function writeCsv(rows: readonly BenchRow[]): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const lines = ['bench,case,metric,value,goal', ...rows.map((r) => [r.bench, r.case, r.metric, String(r.value), r.goal].map(csvCell).join(','))];
  const file = join(OUT_DIR, 'bench.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
