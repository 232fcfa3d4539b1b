/** Lines, summary and CSV rows of the whole-process bench (process-bench.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, SideResult } from './process-bench.js';
import { csvCell, median, type BenchRow } from './report.js';

/**
 * AccelForge's wall time over ours. A side that timed out counts with the timeout as its time,
 * which errs against us: AccelForge's time is then a lower bound (ratio '>') and ours an upper
 * one (ratio '<'). Null when either side failed otherwise or AccelForge was not run.
 */
export interface Ratio {
  readonly value: number;
  readonly bound: '=' | '>' | '<';
}

function settled(side: SideResult): boolean {
  return side.error === null || side.run.outcome === 'timeout';
}

export function ratioOf(r: CaseResult): Ratio | null {
  const theirs = r.accelForge;
  if (!theirs || !settled(theirs) || !settled(r.ours)) return null;
  if (r.ours.run.outcome === 'timeout' && theirs.run.outcome === 'timeout') return null;
  const bound = theirs.run.outcome === 'timeout' ? '>' : r.ours.run.outcome === 'timeout' ? '<' : '=';
  return { value: theirs.run.wallSeconds / r.ours.run.wallSeconds, bound };
}

function ratioText(ratio: Ratio | null): string {
  return ratio ? `${ratio.bound === '=' ? '' : ratio.bound}${ratio.value.toFixed(2)}x` : 'n/a';
}

function sideText(side: SideResult): string {
  const seconds = side.run.outcome === 'timeout' ? `timeout (> ${side.run.wallSeconds.toFixed(0)} s)` : `${side.run.wallSeconds.toFixed(2)} s`;
  const memory = `peak RSS ${side.run.maxRssMiB?.toFixed(0) ?? '?'} MiB largest process, ${side.run.groupRssMiB.toFixed(0)} MiB group`;
  const cpu = side.run.cpuSeconds === null ? '' : `, CPU ${side.run.cpuSeconds.toFixed(1)} s`;
  return side.error && side.run.outcome !== 'timeout' ? `error (${side.error.split('\n').at(-1)})` : `${seconds}${cpu}, ${memory}`;
}

/** Relative difference of the two best energies (both tools pick the best mapping under the same metric). */
function energyDifference(r: CaseResult): number | null {
  const ours = r.ours.energy;
  const theirs = r.accelForge?.energy;
  return ours === null || theirs === null || theirs === undefined || theirs === 0 ? null : ours / theirs - 1;
}

/** One line per case as it finishes. */
export function caseLine(r: CaseResult): string {
  const theirs = r.accelForge ? `, AccelForge ${sideText(r.accelForge)}, AccelForge/ours ${ratioText(ratioOf(r))}` : '';
  const diff = energyDifference(r);
  const energy = diff === null ? '' : `, energy ours/AccelForge - 1 = ${(diff * 100).toFixed(3)} %`;
  return `process ${r.case.key}: ours ${sideText(r.ours)}${theirs}${energy} (load ${r.loadAverage.toFixed(1)})\n`;
}

/** Median and worst (smallest) AccelForge/ours ratio, over the cases where both settled. */
export function summaryRows(results: readonly CaseResult[]): BenchRow[] {
  const ratios = results.map(ratioOf).filter((r): r is Ratio => r !== null);
  if (ratios.length === 0) return [];
  const worst = ratios.reduce((a, b) => (b.value < a.value ? b : a));
  const bounded = ratios.filter((r) => r.bound !== '=').length;
  const over = `over ${ratios.length} cases${bounded ? ` (${bounded} with a timeout counted as the time)` : ''}`;
  return [
    { bench: 'process', case: `median ${over}`, metric: 'AccelForge wall / our wall', value: median(ratios.map((r) => r.value)), goal: '>= 10' },
    { bench: 'process', case: `worst ${over}`, metric: 'AccelForge wall / our wall', value: worst.value, goal: '>= 1' },
  ];
}

function sideRows(r: CaseResult, who: 'ours' | 'AccelForge', side: SideResult): BenchRow[] {
  const row = (metric: string, value: BenchRow['value']): BenchRow => ({ bench: 'process', case: r.case.key, metric: `${who} ${metric}`, value, goal: 'info' });
  const wall = side.run.outcome === 'timeout' ? 'timeout' : side.error ? 'error' : side.run.wallSeconds;
  return [row('wall s', wall), row('CPU s (user + system)', side.run.cpuSeconds ?? 'n/a'), row('peak RSS of largest process MiB', side.run.maxRssMiB ?? 'n/a'), row('peak RSS of process group MiB (sampled)', side.run.groupRssMiB)];
}

/** bench.csv rows: per case both sides' wall time and memory and the ratio, then the summary. */
export function processRows(results: readonly CaseResult[]): BenchRow[] {
  const perCase = results.flatMap((r) => {
    const ratio = ratioOf(r);
    return [
      ...sideRows(r, 'ours', r.ours),
      ...(r.accelForge ? sideRows(r, 'AccelForge', r.accelForge) : []),
      ...(ratio ? [{ bench: 'process', case: r.case.key, metric: `AccelForge wall / our wall${ratio.bound === '=' ? '' : ` (${ratio.bound}, a timeout)`}`, value: ratio.value, goal: '>= 10' }] : []),
    ];
  });
  return [...perCase, ...summaryRows(results)];
}

const WIDE_HEADER = ['case', 'group', 'load_1m', 'ours_s', 'accelforge_s', 'accelforge_over_ours', 'ours_cpu_s', 'accelforge_cpu_s', 'ours_max_rss_mib', 'accelforge_max_rss_mib',
  'ours_group_rss_mib', 'accelforge_group_rss_mib', 'ours_energy', 'accelforge_energy', 'ours_n_mappings', 'accelforge_n_mappings', 'ours_error', 'accelforge_error'];

function wideRow(r: CaseResult): unknown[] {
  const seconds = (s: SideResult | null): unknown => (!s ? '' : s.run.outcome === 'timeout' ? 'timeout' : s.error ? 'error' : s.run.wallSeconds);
  const ratio = ratioOf(r);
  const theirs = r.accelForge;
  return [r.case.key, r.case.group, r.loadAverage, seconds(r.ours), seconds(theirs), ratio ? `${ratio.bound === '=' ? '' : ratio.bound}${ratio.value}` : '',
    r.ours.run.cpuSeconds ?? '', theirs?.run.cpuSeconds ?? '', r.ours.run.maxRssMiB ?? '', theirs?.run.maxRssMiB ?? '', r.ours.run.groupRssMiB, theirs?.run.groupRssMiB ?? '',
    r.ours.energy ?? '', theirs?.energy ?? '', r.ours.nMappings ?? '', theirs?.nMappings ?? '', r.ours.error ?? '', theirs?.error ?? ''];
}

/** bench/out/processes.csv: one line per case with both sides side by side. */
export function writeProcessCsv(results: readonly CaseResult[], outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'processes.csv');
  const lines = [WIDE_HEADER, ...results.map(wideRow)].map((row) => row.map((v) => csvCell(String(v))).join(','));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
