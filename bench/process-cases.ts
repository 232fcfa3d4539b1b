/**
 * The fixed case list of the whole-process bench (bench/process-bench.ts):
 *  - the 46 cases of AccelForge's regression suite (docs/mapper.md §7.2): simple,
 *    eyeriss, simba and tpu_v4i × {two 64³ matmuls, three_matmuls_annotated, GPT-3 prefill, GPT-3
 *    decode} × fused/unfused with EDP (GPT-3 175B on simple and tpu_v4i, 6.7B on eyeriss and simba),
 *    and snowcat × 14 workloads unfused with ENERGY (transformers: prefill of 256 tokens);
 *  - the fused prefill transformers not already in that list (GPT-3 6.7B and Llama-3 8B, 2048 tokens,
 *    on eyeriss, simba and tpu_v4i, as in test/fixtures/oracle/cases.json);
 *  - the two converted Timeloop designs (simba_like, eyeriss_like; docs/timeloop.md), with the
 *    converted spec's own mapper settings on both sides.
 * Both sides get the same files: our copy of the examples (src/examples).
 */
import { join } from 'node:path';
import { findExample } from '../src/examples/index.js';
import { DECODE_PRESET, PREFILL_PRESET, presetKey } from '../src/examples/variables.js';
import type { JinjaValue } from '../src/examples/types.js';

const EXAMPLES = join(import.meta.dirname, '../src/examples');

export type CaseGroup = 'regression' | 'fused prefill' | 'timeloop';

/** The regression settings (tests/test_regression.py); null for a spec's own mapper settings. */
export interface CaseSettings {
  readonly metric: 'edp' | 'energy';
  readonly fused: boolean;
}

export interface ProcessCase {
  /** AccelForge's regression key form: `arch|workload|VARS|fused`. */
  readonly key: string;
  readonly group: CaseGroup;
  /** Absolute paths; a Timeloop case's single file exists only after conversion. */
  readonly specFiles: readonly string[];
  readonly variables: Readonly<Record<string, JinjaValue>>;
  readonly settings: CaseSettings | null;
}

const MATMULS = { N_EINSUMS: 2, M: 64, KN: 64 };
const SNOWCAT_PREFILL = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 256 };

function exampleFile(id: string): string {
  const example = findExample(id);
  if (!example) throw new Error(`bench: no example '${id}' in src/examples`);
  return join(EXAMPLES, example.path);
}

function exampleCase(group: CaseGroup, arch: string, workload: string, variables: Readonly<Record<string, JinjaValue>>, settings: CaseSettings): ProcessCase {
  const stem = exampleFile(workload).split('/').at(-1)!.replace(/\.yaml$/, '');
  return {
    key: `${arch}|${stem}|${presetKey(variables)}|${settings.fused ? 'fused' : 'unfused'}`,
    group,
    specFiles: [exampleFile(arch), exampleFile(workload)],
    variables,
    settings,
  };
}

function fusedAndUnfused(arch: string, workload: string, variables: Readonly<Record<string, JinjaValue>>): ProcessCase[] {
  return [true, false].map((fused) => exampleCase('regression', arch, workload, variables, { metric: 'edp', fused }));
}

function regressionCases(): ProcessCase[] {
  const gpt3ByArch: Readonly<Record<string, string>> = { simple: 'gpt3_175B', eyeriss: 'gpt3_6.7B', simba: 'gpt3_6.7B', tpu_v4i: 'gpt3_175B' };
  const edp = Object.entries(gpt3ByArch).flatMap(([arch, gpt3]) => [
    ...fusedAndUnfused(arch, 'matmuls', MATMULS),
    ...fusedAndUnfused(arch, 'three_matmuls_annotated', {}),
    ...fusedAndUnfused(arch, gpt3, PREFILL_PRESET.values),
    ...fusedAndUnfused(arch, gpt3, DECODE_PRESET.values),
  ]);
  const snowcatWorkloads: readonly [string, Readonly<Record<string, JinjaValue>>][] = [
    ['matmuls', MATMULS], ['matvecs', {}], ['three_matmuls_annotated', {}], ['mobilenet_28', {}],
    ...['mamba', 'gpt3_6.7B', 'gpt3_175B', 'llama3_8B', 'mixtral8x22B', 'qwen3_8B', 'qwen3_30B_A3B', 'deepseek_v3_671B']
      .map((w): [string, Readonly<Record<string, JinjaValue>>] => [w, SNOWCAT_PREFILL]),
    ...['llama4_scout', 'llama4_maverick'].map((w): [string, Readonly<Record<string, JinjaValue>>] => [w, { ...SNOWCAT_PREFILL, ATTENTION_TYPE: 'grouped_query' }]),
  ];
  const energy = snowcatWorkloads.map(([w, vars]) => exampleCase('regression', 'snowcat', w, vars, { metric: 'energy', fused: false }));
  return [...edp, ...energy];
}

function fusedPrefillCases(regression: readonly ProcessCase[]): ProcessCase[] {
  const taken = new Set(regression.map((c) => c.key));
  return ['eyeriss', 'simba', 'tpu_v4i']
    .flatMap((arch) => ['gpt3_6.7B', 'llama3_8B'].map((w) => exampleCase('fused prefill', arch, w, PREFILL_PRESET.values, { metric: 'edp', fused: true })))
    .filter((c) => !taken.has(c.key));
}

/** The converted design's path; process-bench.ts writes it with `convert-timeloop` before timing. */
export function timeloopSpecPath(outDir: string, design: string): string {
  return join(outDir, 'timeloop', `${design}.yaml`);
}

function timeloopCases(outDir: string): ProcessCase[] {
  return ['simba_like', 'eyeriss_like'].map((design) => ({
    key: `timeloop|${design}|default_problem|spec settings`,
    group: 'timeloop',
    specFiles: [timeloopSpecPath(outDir, design)],
    variables: {},
    settings: null,
  }));
}

/** Every case, in bench order; `outDir` holds the converted Timeloop specs. */
export function processCases(outDir: string): ProcessCase[] {
  const regression = regressionCases();
  return [...regression, ...fusedPrefillCases(regression), ...timeloopCases(outDir)];
}

/** `--cases a,b`: a case runs when its key contains any filter (case keys hold commas, see mapper.ts). */
export function selectCases<T extends { readonly key: string }>(cases: readonly T[], filters: readonly string[]): T[] {
  return cases.filter((c) => filters.length === 0 || filters.some((f) => c.key.includes(f)));
}
