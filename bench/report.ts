import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  readonly bench: string;
  readonly case: string;
  readonly metric: string;
  readonly value: number;
  readonly goal: string;
}

export function printRows(rows: readonly BenchRow[]): void {
  for (const row of rows) {
    const value = row.value >= 100 ? row.value.toFixed(0) : row.value.toPrecision(3);
    process.stdout.write(`${row.bench.padEnd(9)} ${row.case.padEnd(50)} ${row.metric.padEnd(34)} ${value.padStart(10)}  (goal ${row.goal})\n`);
  }
}

/** Writes bench/out/bench.csv. */
export function writeCsv(rows: readonly BenchRow[]): string {
  const dir = join(import.meta.dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
  const lines = ['bench,case,metric,value,goal', ...rows.map((r) => [r.bench, quote(r.case), quote(r.metric), String(r.value), quote(r.goal)].join(','))];
  const file = join(dir, 'bench.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
