import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
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

/** Evaluate a converted spec: energy per component and total in pJ (leak included), latency in s, action counts by `component|tensor|action`. */
export function evaluateYaml(yaml: string): { energy: Map<string, number>; total: number; latency: number; actions: Map<string, number> } {
  const fs = new MemoryFileSystem({ '/spec.yaml': yaml });
  const result = evaluateSpecMapping({ fs, specFiles: ['/spec.yaml'], variables: {} });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const json = result.value.result.toCliJson();
  const energy = new Map<string, number>();
  for (const e of json.energy_breakdown) energy.set(e.component, (energy.get(e.component) ?? 0) + e.energy * 1e12);
  const actions = new Map<string, number>();
  for (const a of json.actions) actions.set(`${a.component}|${a.tensor}|${a.action}`, a.count);
  return { energy, total: json.energy * 1e12, latency: json.latency, actions };
}

/** Timeloop's scalar accesses of one tensor at one level, summed over its utilized instances. */
export interface ReferenceTensor {
  reads: number;
  fills: number;
  updates: number;
  energyPj: number;
  instances: number;
}

/** One Timeloop run's figures (copied from its stats.txt into reference-stats.json). */
export interface ReferenceRun {
  source: string;
  cycles: number;
  computes: number;
  components: Record<string, { instances: number; leakPj?: number; fJPerCompute: number; tensors: Record<string, ReferenceTensor> }>;
}

/** Timeloop's figures for one run of test/fixtures/timeloop/reference-stats.json. */
export function reference(id: string): ReferenceRun {
  const all = JSON.parse(readFileSync(join(ROOT, 'reference-stats.json'), 'utf8')) as { cases: Record<string, ReferenceRun> };
  const run = all.cases[id];
  if (!run) throw new Error(`no reference run ${id}`);
  return run;
}

/** Timeloop's energy of a storage component: its tensors' energies plus leakage (pJ, stats rounded to 0.01). */
export function referenceEnergy(run: ReferenceRun, component: string): number {
  const c = run.components[component]!;
  return Object.values(c.tensors).reduce((sum, t) => sum + t.energyPj, 0) + (c.leakPj ?? 0);
}

/** Values per read/write action of each memory of a converted spec (bits_per_action / bits_per_value). */
export function valuesPerAction(yaml: string): Map<string, number> {
  const spec = parse(yaml, { logLevel: 'error' }) as { arch: { nodes: { name: string; bits_per_action?: number; bits_per_value?: { All: number } }[] }; workload: { bits_per_value: { All: number } } };
  const out = new Map<string, number>();
  for (const node of spec.arch.nodes) {
    if (node.bits_per_action !== undefined) out.set(node.name, node.bits_per_action / (node.bits_per_value?.All ?? spec.workload.bits_per_value.All));
  }
  return out;
}

/** AccelForge tensor name of a Timeloop data space (the converter renames the built-in set names). */
export function ourTensor(timeloopName: string): string {
  return ({ Inputs: 'Input', Outputs: 'Output' } as Record<string, string>)[timeloopName] ?? timeloopName;
}

/** Error messages of `check` on a converted spec (empty when it passes). */
export function checkYaml(yaml: string): string[] {
  const fs = new MemoryFileSystem({ '/spec.yaml': yaml });
  const result = checkSpec({ fs, specFiles: ['/spec.yaml'], variables: {} });
  return result.errors.map((e) => e.message);
}

/**
 * Words moved per (component, tensor) by AccelForge that differ from Timeloop's counts: writes
 * must equal fills + updates, reads must equal reads + the partial sums drained from that
 * component (`drains`, AccelForge only). Returns one line per mismatch.
 */
export function trafficMismatches(run: ReferenceRun, yaml: string, actions: Map<string, number>, drains: Record<string, number>): string[] {
  const perAction = valuesPerAction(yaml);
  const out: string[] = [];
  for (const [component, { tensors }] of Object.entries(run.components)) {
    for (const [name, t] of Object.entries(tensors)) {
      const key = `${component}|${ourTensor(name)}`;
      const words = (action: string): number => (actions.get(`${key}|${action}`) ?? 0) * perAction.get(component)!;
      const drain = name === 'Outputs' ? drains[component] ?? 0 : 0;
      const checks: [string, number, number][] = [['writes', words('write'), t.fills + t.updates], ['reads', words('read'), t.reads + drain]];
      for (const [what, ours, theirs] of checks) if (Math.abs(ours - theirs) > 1e-6 * Math.max(1, theirs)) out.push(`${key} ${what}: ${ours} vs ${theirs}`);
    }
  }
  return out;
}
