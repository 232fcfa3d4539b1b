/** Ski-slope fronts from our mapper and from AccelForge's fixture, and how they are compared. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec } from '../../../src/engine/mapper/index.js';

export const GPT3 = 'workloads/transformers/gpt/gpt3_6.7B.yaml';
/** One GPT-3 6.7B decoder layer, prefill of 2048 tokens. */
export const BLOCK = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 2048 };
export const BLOCK_KEY = 'snowcat|gpt3_6.7B|BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS=2048';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/oracle/skislope_snowcat.json', import.meta.url);

interface Point {
  usage_bits: number;
  accesses: number;
}
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: Record<string, { points: Point[] }> };

/** AccelForge's points minus those another point beats once float32 noise (1e-6) is ignored. */
export function referenceFront(key: string): [number, number][] {
  const points = fixture.cases[key]!.points.map((p): [number, number] => [p.usage_bits, p.accesses]);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(a, b);
  return points.filter(([u, e], i) => !points.some(([u2, e2], j) => j !== i && (u2 < u || close(u2, u)) && e2 < e));
}

export function ourFront(workload: string, variables: Record<string, number | boolean>, options: { unfused?: boolean; maxFusedLoops?: number }): [number, number][] {
  const mapped = mapSpec(
    { fs: new NodeFileSystem(), specFiles: [EXAMPLES + 'arches/snowcat.yaml', EXAMPLES + workload], variables },
    { metric: 'energy', resourceUsage: true, ...options },
  );
  if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join('\n'));
  return mapped.value.front.map((p): [number, number] => [p.usage!['GlobalBuffer']!, p.energy]).sort((a, b) => a[0] - b[0]);
}

export function expectSameFront(ours: [number, number][], reference: [number, number][]): void {
  expect(ours.length).toBe(reference.length);
  ours.forEach(([usage, energy], i) => {
    expect(Math.abs(usage / reference[i]![0] - 1), `usage of point ${i}`).toBeLessThan(1e-6);
    expect(Math.abs(energy / reference[i]![1] - 1), `accesses of point ${i}`).toBeLessThan(1e-9);
  });
}

/** The lowest energy of a staircase at `usage` bits (Infinity left of its first point). */
function staircase(front: readonly [number, number][], usage: number): number {
  let best = Infinity;
  for (const [u, e] of front) if (u <= usage) best = Math.min(best, e);
  return best;
}

/** Each staircase reaches every energy of the other with at most `tolerance` more usage. */
export function expectSameStaircase(ours: [number, number][], reference: [number, number][], tolerance: number): void {
  for (const [u, e] of reference) expect(staircase(ours, u * (1 + tolerance)), `ours near ${u} bits`).toBeLessThanOrEqual(e * (1 + 1e-9));
  for (const [u, e] of ours) expect(staircase(reference, u * (1 + tolerance)), `AccelForge near ${u} bits`).toBeLessThanOrEqual(e * (1 + 1e-9));
}
