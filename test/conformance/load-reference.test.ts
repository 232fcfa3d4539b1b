/**
 * Loads (Jinja + YAML + merges, no schema) every example spec of AccelForge's repository and
 * checks the raw values docs/spec-format.md §12 lists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../src/cli/node-file-system.js';
import { formatSpecError } from '../../src/engine/base/errors.js';
import { loadSpecFiles, type LoadedSpec } from '../../src/engine/spec/load/index.js';

const REFERENCE = '/work/shared/reference/accelforge';
const EXAMPLES = join(REFERENCE, 'examples');
const available = existsSync(EXAMPLES);

/** Files that are not specs on their own, and why. */
const SKIPPED: [RegExp, string][] = [
  [/compute_in_memory\/memory_cells\//, 'NeuroSim cell parameters, not AccelForge specs (docs/spec-format.md §11.1)'],
  [/compute_in_memory\/_include\.yaml$/, 'anchor library, only pasted with include_text (docs/spec-format.md §11.1)'],
  [/_attention_decode_types\/|_feedforward_types\//, 'include targets: need N_HEADS etc. from the including model'],
  [/transformers\/\w+\/_\w+\.yaml$/, 'model bodies: need the dimensions their wrapper file sets'],
  [/grouped_query_chunked\.yaml$/, 'calls max()/ceil() as Jinja functions, which Jinja lacks (docs/spec-format.md §11.2)'],
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

function parseVars(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const [key = '', value = ''] = pair.split('=');
    out[key] = value === 'True' ? true : value === 'False' ? false : Number.isNaN(Number(value)) ? value : Number(value);
  }
  return out;
}

/** Jinja data sets per workload name, from the keys `arch|workload|vars|fused` of the regression file. */
function regressionVariables(): Map<string, Record<string, unknown>[]> {
  const keys = Object.keys(JSON.parse(readFileSync(join(REFERENCE, 'tests/regression_reference.json'), 'utf8')) as object);
  const out = new Map<string, Record<string, unknown>[]>();
  for (const key of keys) {
    const [, workload = '', vars = ''] = key.split('|');
    const list = out.get(workload) ?? [];
    if (!list.some((v) => JSON.stringify(v) === JSON.stringify(parseVars(vars)))) list.push(parseVars(vars));
    out.set(workload, list);
  }
  return out;
}

const TRANSFORMER_DEFAULT = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 2048 };

function dataSetsFor(file: string, regression: Map<string, Record<string, unknown>[]>): Record<string, unknown>[] {
  const name = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  const known = regression.get(name);
  if (known) return known;
  if (file.includes('/llama4')) return [{ ...TRANSFORMER_DEFAULT, ATTENTION_TYPE: 'grouped_query' }];
  if (file.includes('/transformers/')) return [TRANSFORMER_DEFAULT];
  if (file.includes('compute_in_memory/')) return [{ BATCH_SIZE: 1 }];
  if (file.startsWith('mappings/') || file.endsWith('matmuls.yaml')) return [{ N_EINSUMS: 2, M: 64, KN: 64 }];
  return [{}];
}

function load(files: string[], jinjaData: Record<string, unknown>): LoadedSpec {
  const result = loadSpecFiles(files.map((f) => join(EXAMPLES, f)), { fs: new NodeFileSystem(), jinjaData });
  if (!result.ok) throw new Error(result.errors.map(formatSpecError).join('\n'));
  return result.value;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => v as Obj;
const node = (spec: LoadedSpec, name: string): Obj =>
  (obj(spec.root.arch).nodes as Obj[]).find((n) => n.name === name) ?? {};

function einsumName(entry: unknown): string {
  const text = typeof entry === 'string' ? entry : String(obj(entry).einsum ?? obj(entry).name);
  const end = text.search(/[[\s]/);
  return end >= 0 ? text.slice(0, end) : text;
}

describe.skipIf(!available)('loading every reference example', () => {
  const regression = available ? regressionVariables() : new Map<string, Record<string, unknown>[]>();
  const files = available ? walk(EXAMPLES).map((f) => relative(EXAMPLES, f)).sort() : [];
  const loadable = files.filter((f) => !SKIPPED.some(([re]) => re.test(f)));

  it('finds the example folders', () => {
    expect(loadable.length).toBeGreaterThan(50);
    expect(loadable).toContain('arches/simple.yaml');
  });

  for (const file of loadable) {
    for (const data of dataSetsFor(file, regression)) {
      it(`${file} ${JSON.stringify(data)}`, () => {
        const spec = load([file], data);
        expect(Object.keys(spec.root).length).toBeGreaterThan(0);
      });
    }
  }
});

describe.skipIf(!available)('docs/spec-format.md §12 raw values', () => {
  it('docs/spec-format.md §12.1 simple.yaml + matmuls.yaml (N_EINSUMS=2, M=64, KN=32)', () => {
    const spec = load(['arches/simple.yaml', 'workloads/basic/matmuls.yaml'], { N_EINSUMS: 2, M: 64, KN: 32 });
    const workload = obj(spec.root.workload);
    expect(workload.iteration_space_shape).toEqual({ m: '0 <= m  < 64', n0: '0 <= n0 < 32', n1: '0 <= n1 < 32', n2: '0 <= n2 < 32' });
    expect(workload.bits_per_value).toEqual({ All: 8 });
    const einsums = workload.einsums as Obj[];
    expect(einsums.map((e) => e.name)).toEqual(['Matmul0', 'Matmul1']);
    expect(einsums[0]).toEqual({
      name: 'Matmul0',
      tensor_accesses: [
        { name: 'T0', projection: ['m', 'n0'] },
        { name: 'W0', projection: ['n0', 'n1'] },
        { name: 'T1', projection: ['m', 'n1'], output: true },
      ],
      renames: { weight: 'W0', input: 'T0', output: 'T1' },
    });
    const main = node(spec, 'MainMemory');
    expect(main).toMatchObject({ $tag: 'Memory', size: 'inf', leak_power: 0, tensors: { keep: '~Intermediates', may_keep: 'All' } });
    expect(main.actions).toEqual([
      { name: 'read', energy: 1, throughput: 'inf' },
      { name: 'write', energy: 1, throughput: 'inf' },
    ]);
    expect(obj(node(spec, 'GlobalBuffer').tensors).keep).toBe('~MainMemory');
    expect(node(spec, 'MAC')).toMatchObject({ $tag: 'Compute', actions: [{ name: 'compute', energy: 1, throughput: 1 }] });
  });

  it('docs/spec-format.md §12.2 tpu_v4i.yaml keeps expressions as strings and literal floats as numbers', () => {
    const spec = load(['arches/tpu_v4i.yaml'], {});
    const main = node(spec, 'MainMemory');
    expect(main.size).toBe('inf');
    expect((main.actions as Obj[])[0]).toEqual({ name: 'read', energy: 7.03e-12, throughput: '8 * 614e9' });
    expect(node(spec, 'GlobalBuffer').size).toBe('1024*1024*128*8');
  });

  it('docs/spec-format.md §12.4 jia_jssc_2020 ADC gets the << merged anchors', () => {
    const spec = load(['arches/compute_in_memory/jia_jssc_2020.yaml'], { BATCH_SIZE: 1 });
    expect(node(spec, 'ADC')).toMatchObject({
      $tag: 'Toll',
      tensors: { keep: 'output' },
      direction: 'up',
      bits_per_value: { input: 'average_input_bits_per_slice', weight: 'average_weight_bits_per_slice' },
      actions_scale: 'n_input_slices * n_weight_slices',
      values_per_action: { All: 1 },
    });
  });

  it('snowcat.yaml: 1e15 is a number, and dict data generates keys', () => {
    const plain = load(['arches/snowcat.yaml'], {});
    expect(node(plain, 'GlobalBuffer').size).toBe(1e15);
    expect(node(plain, 'MainMemory').tensors).toEqual({ keep: '~Intermediates', may_keep: 'All' });
    const constrained = load(['arches/snowcat.yaml'], { ADDITIONAL_MAINMEMORY_CONSTRAINTS: { keep: 'Nothing' } });
    expect(node(constrained, 'MainMemory').tensors).toEqual({ may_keep: 'All', keep: 'Nothing' });
  });

  it('docs/spec-format.md §12.5 gpt3_6.7B include trace', () => {
    const spec = load(['workloads/transformers/gpt/gpt3_6.7B.yaml'], TRANSFORMER_DEFAULT);
    const workload = obj(spec.root.workload);
    expect(workload.rank_sizes).toEqual({ B: 1, M: 2048, P: 2048, H: 32, E: 128, F: 128, D: 4096, G: 4096, C: 16384, J: 4096 });
    expect(workload.bits_per_value).toEqual({ All: 16 });
    expect(workload.persistent_tensors).toBe('weight - Intermediates');
    const einsums = (workload.einsums as unknown[][]).flat();
    expect(einsums.map(einsumName)).toEqual(['I', 'V', 'K', 'Q', 'QK', 'QK_softmax', 'AV', 'Z', 'FFA', 'FFB']);
    expect(einsums[0]).toEqual({ einsum: 'I[b, m, d] = I_in[b, m, d]', is_copy_operation: true });
    expect(obj((obj(spec.root.renames).einsums as Obj[])[0]).name).toBe('default');
    expect(spec.sources.locate(spec.root, ['workload', 'rank_sizes', 'C'])?.file).toMatch(/_feedforward_types\/dense_two_layer\.yaml$/);
  });

  it('gpt3_175B decode reads the KV cache', () => {
    const spec = load(['workloads/transformers/gpt/gpt3_175B.yaml'], { BATCH_SIZE: 1, DECODE: true, N_CACHED_TOKENS: 2047, N_NEW_TOKENS: 1 });
    const workload = obj(spec.root.workload);
    expect(workload.rank_sizes).toMatchObject({ P: 2047, M: 1, H: 96, D: 12288, C: 49152 });
    const qk = (workload.einsums as unknown[][]).flat().find((e) => einsumName(e) === 'QK');
    expect(obj(qk).einsum).toBe('QK[b, m, p, h] = Q[b, m, h, e] * K_cache[b, P: p, h, e]');
  });

  it('llama4 checks ATTENTION_TYPE with its assert', () => {
    const result = loadSpecFiles([join(EXAMPLES, 'workloads/transformers/llama/llama4_scout.yaml')], {
      fs: new NodeFileSystem(),
      jinjaData: { ...TRANSFORMER_DEFAULT, ATTENTION_TYPE: 'sliding' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain("ATTENTION_TYPE must be 'chunked_local' or 'grouped_query'.");
  });

  it('grouped_query_chunked renders when the caller passes max() and ceil() (docs/spec-format.md §11.2)', () => {
    const data = { ...TRANSFORMER_DEFAULT, ATTENTION_TYPE: 'chunked_local', CHUNK_SIZE: 8192, max: Math.max, ceil: Math.ceil };
    const spec = load(['workloads/transformers/llama/llama4_scout.yaml'], data);
    expect(obj(spec.root.workload).rank_sizes).toMatchObject({ M: 2048, CH: 1, MC: 2048, PC: 2048 });
  });

  it('matmuls.yaml asks for N_EINSUMS, M and KN', () => {
    const spec = load(['workloads/basic/matmuls.yaml'], { N_EINSUMS: 1 });
    expect(spec.jinjaVariables.has('N_EINSUMS')).toBe(true);
    expect(spec.jinjaVariables.get('N_EINSUMS')?.defaultText).toBeUndefined();
    expect(spec.jinjaVariables.get('M')?.defaultText).toBe('128');
    expect(spec.jinjaVariables.get('KN')?.defaultText).toBe('128');
  });
});
