import { writeFileSync } from 'node:fs';
import { SpecErrorException } from '../../engine/base/errors.js';
import { checkSweepSize, parseKnob, runSweep, sweepToCsv, type SweepKnob, type SweepPointResult, type SweepResult } from '../../engine/sweep/index.js';
import { stringList, UsageError } from '../args.js';
import { formatCount, printErrors } from '../format.js';
import { formatSI } from '../format-results.js';
import { writeJson } from '../json-output.js';
import { MAPPER_OPTIONS, parseMapperSettings } from '../mapper-flags.js';
import { parseSpecCommand } from '../spec-input.js';
import type { CommandRunner } from './command.js';

function parseKnobs(entries: readonly string[]): SweepKnob[] {
  if (entries.length < 1 || entries.length > 2) throw new UsageError('give one or two --vary KEY=VALUES');
  try {
    const knobs = entries.map(parseKnob);
    checkSweepSize(knobs);
    return knobs;
  } catch (error) {
    if (error instanceof SpecErrorException) throw new UsageError(`${error.specError.message}\n  hint: ${error.specError.hint ?? ''}`);
    throw error;
  }
}

function knobText(value: unknown): string {
  return typeof value === 'number' ? formatCount(value) : String(value);
}

/** Square metres → mm² (an SI prefix on m² would scale the metre, not the area). */
function formatArea(squareMetres: number): string {
  return squareMetres === 0 ? '0 mm²' : `${(squareMetres * 1e6).toPrecision(4)} mm²`;
}

function pointRow(knobs: readonly SweepKnob[], p: SweepPointResult): string[] {
  const m = p.metrics;
  const knobCells = knobs.map((k) => knobText(p.knobs[k.key]));
  if (!m) return [...knobCells, 'failed', '', '', '', '', '', `${p.seconds.toFixed(2)} s`];
  return [
    ...knobCells,
    formatSI(m.energy, 'J'),
    formatSI(m.latency, 's'),
    formatSI(m.edp, 'J·s'),
    formatSI(m.energyPerCompute, 'J/op'),
    formatArea(m.area),
    formatCount(m.offChipAccesses),
    `${p.seconds.toFixed(2)} s`,
  ];
}

function formatTable(sweep: SweepResult): string {
  const headers = [...sweep.knobs.map((k) => k.key), 'energy', 'latency', 'EDP', 'energy/op', 'area', 'off-chip r+w', 'time'];
  const rows = sweep.points.map((p) => pointRow(sweep.knobs, p));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (sweep.cancelled) out.push('(cancelled)');
  return `${out.join('\n')}\n`;
}

export const sweepCommand: CommandRunner = {
  async run(args, usage) {
    const { values, input } = parseSpecCommand(
      args,
      { ...MAPPER_OPTIONS, vary: { type: 'string', multiple: true }, csv: { type: 'string' }, json: { type: 'boolean', default: false } },
      usage,
    );
    const knobs = parseKnobs(stringList(values.vary));
    const settings = parseMapperSettings(values);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const result = await runSweep(
      input.fs,
      { specFiles: input.specFiles, variables: input.variables, knobs, settings },
      {
        signal: controller.signal,
        onPoint: ({ point }, done, total) => process.stderr.write(`point ${done}/${total}: ${point.ok ? 'ok' : 'failed'} in ${point.seconds.toFixed(2)} s\n`),
      },
    );
    if (typeof values.csv === 'string') writeFileSync(values.csv, sweepToCsv(result));
    const failed = result.points.filter((p) => !p.ok);
    if (values.json) return Math.max(writeJson(result), failed.length > 0 || result.cancelled ? 1 : 0);
    process.stdout.write(formatTable(result));
    if (failed.length > 0) printErrors(failed[0]!.errors);
    return failed.length > 0 || result.cancelled ? 1 : 0;
  },
};
