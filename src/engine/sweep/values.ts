/**
 * Sweep values: `1,2,4`, `lin:START:STOP:N`, `log:START:STOP:N`. Numbers may carry a byte-size
 * suffix (B, KB, MB, GB; binary multiples) and are then converted to BITS, AccelForge's size unit.
 */
import { failWith } from '../base/errors.js';

const BYTE_MULTIPLIERS: Readonly<Record<string, number>> = {
  B: 1, KB: 1024, KIB: 1024, MB: 1024 ** 2, MIB: 1024 ** 2, GB: 1024 ** 3, GIB: 1024 ** 3,
};

const NUMBER_WITH_SUFFIX = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z]*)$/;

/** Most points a sweep may have (each point is a full mapper run); more is a typo or an attack. */
export const MAX_SWEEP_POINTS = 10_000;

/** A sweep value: a number, or a string/boolean for Jinja variables (lists only). */
export type SweepValue = number | string | boolean;

interface ParsedNumber {
  readonly value: number;
  readonly isSize: boolean;
}

/** Parses `12`, `1e3`, `32B`, `4MB` (sizes → bits); undefined when the text is not numeric. */
export function parseNumber(text: string): ParsedNumber | undefined {
  const match = NUMBER_WITH_SUFFIX.exec(text.trim());
  if (!match) return undefined;
  const base = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix === '') return { value: requireFinite(base, text), isSize: false };
  const multiplier = BYTE_MULTIPLIERS[suffix.toUpperCase()];
  // Lowercase `b` is bits by convention; refuse it rather than guess.
  if (multiplier === undefined || suffix === 'b' || suffix.endsWith('b')) return undefined;
  return { value: requireFinite(base * multiplier * 8, text), isSize: true };
}

/** A numeral like 1e400 overflows to Infinity; refuse it here rather than fail later as "no bound". */
function requireFinite(value: number, text: string): number {
  if (!Number.isFinite(value)) failValues(text.trim(), 'the number is not finite (it overflows to Infinity); give a value below 1.8e308');
  return value;
}

/** Expands a VALUES expression into the list of points along one knob. */
export function parseSweepValues(text: string): SweepValue[] {
  const trimmed = text.trim();
  const range = /^(lin|log):(.*)$/.exec(trimmed);
  if (range) return parseRange(range[1] as 'lin' | 'log', range[2] ?? '', trimmed);
  const items = trimmed.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) failValues(trimmed, 'no values given');
  return items.map(parseListItem);
}

function parseListItem(item: string): SweepValue {
  const number = parseNumber(item);
  if (number) return number.value;
  if (item === 'True' || item === 'true') return true;
  if (item === 'False' || item === 'false') return false;
  return item;
}

function parseRange(kind: 'lin' | 'log', body: string, whole: string): number[] {
  const parts = body.split(':');
  if (parts.length !== 3) failValues(whole, `expected ${kind}:START:STOP:N`);
  const start = parseNumber(parts[0]!);
  const stop = parseNumber(parts[1]!);
  const count = Number(parts[2]);
  if (!start || !stop) failValues(whole, 'START and STOP must be numbers, optionally with B/KB/MB/GB');
  if (!Number.isInteger(count) || count < 1) failValues(whole, 'N must be a positive integer');
  if (count > MAX_SWEEP_POINTS) failValues(whole, `N is ${parts[2]}, but a sweep has at most ${MAX_SWEEP_POINTS.toLocaleString('en-US')} points`);
  if (kind === 'log' && (start.value <= 0 || stop.value <= 0)) failValues(whole, 'log ranges need positive START and STOP');
  const values = kind === 'lin' ? linspace(start.value, stop.value, count) : logspace(start.value, stop.value, count);
  // Memory sizes are whole bits; plain numbers keep their fractions.
  return start.isSize || stop.isSize ? values.map((v) => Math.round(v)) : values;
}

/** N evenly spaced values from start to stop inclusive. */
export function linspace(start: number, stop: number, count: number): number[] {
  if (count === 1) return [start];
  const step = (stop - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : start + step * i));
}

/** N values from start to stop inclusive, evenly spaced on a log scale. */
export function logspace(start: number, stop: number, count: number): number[] {
  if (count === 1) return [start];
  const a = Math.log(start);
  const b = Math.log(stop);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : Math.exp(a + ((b - a) * i) / (count - 1))));
}

function failValues(text: string, why: string): never {
  return failWith('mapper', `bad sweep values '${text}': ${why}`, {
    hint: 'Use a list (1,2,4), lin:START:STOP:N or log:START:STOP:N; sizes may be given as 32B, 64KB, 4MB (converted to bits).',
  });
}
