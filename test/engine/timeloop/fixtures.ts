import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSpec } from '../../../src/engine/pipeline/check.js';
import { evaluateSpecMapping } from '../../../src/engine/pipeline/evaluate.js';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';
import type { TimeloopFile } from '../../../src/engine/timeloop/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/timeloop');
export const TUTORIALS = 'workspace/tutorial_exercises/01_accelergy_timeloop_2020_ispass/timeloop';
export const DESIGNS = 'workspace/example_designs/example_designs';

/** Fixture files (paths relative to test/fixtures/timeloop) as converter input. */
export function fixtures(...paths: string[]): TimeloopFile[] {
  return paths.map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

/** Evaluate a converted spec: energy per component and total in pJ (leak included), latency in s. */
export function evaluateYaml(yaml: string): { energy: Map<string, number>; total: number; latency: number } {
  const fs = new MemoryFileSystem({ '/spec.yaml': yaml });
  const result = evaluateSpecMapping({ fs, specFiles: ['/spec.yaml'], variables: {} });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const json = result.value.result.toCliJson();
  const energy = new Map<string, number>();
  for (const e of json.energy_breakdown) energy.set(e.component, (energy.get(e.component) ?? 0) + e.energy * 1e12);
  return { energy, total: json.energy * 1e12, latency: json.latency };
}

/** Error messages of `check` on a converted spec (empty when it passes). */
export function checkYaml(yaml: string): string[] {
  const fs = new MemoryFileSystem({ '/spec.yaml': yaml });
  const result = checkSpec({ fs, specFiles: ['/spec.yaml'], variables: {} });
  return result.errors.map((e) => e.message);
}
