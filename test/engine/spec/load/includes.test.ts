import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../../../src/engine/io/memory-file-system.js';
import { loadSpecFiles } from '../../../../src/engine/spec/load/index.js';
import { includeName } from '../../../../src/engine/spec/load/jinja-globals.js';
import { loadError, loadOk } from './helpers.js';

const TRACE_DIR = join(import.meta.dirname, '../../../fixtures/load/include-trace');

function fixtureFiles(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, fixtureFiles(path, root));
    else out[`/trace/${relative(root, path)}`] = readFileSync(path, 'utf8');
  }
  return out;
}

function loadTrace(data: Record<string, unknown>) {
  const fs = new MemoryFileSystem(fixtureFiles(TRACE_DIR), '/trace');
  return loadSpecFiles(['models/gpt/gpt_6.7B.yaml'], { fs, jinjaData: data });
}

describe('include trace (docs/spec-format.md §12.5 on small files)', () => {
  const data = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 16 };

  it('inherits {% set %} variables into nested includes and merges rank sizes with <<<', () => {
    const result = loadTrace(data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const workload = result.value.root.workload as Record<string, unknown>;
    // First source wins on conflicts (D from attention, not dense's 999).
    expect(workload.rank_sizes).toEqual({ P: 16, M: 16, H: 4, E: 8, D: 32, C: 128 });
    expect(workload.bits_per_value).toEqual({ All: 16 });
    const einsums = workload.einsums as unknown[][];
    expect(einsums).toHaveLength(2);
    expect(einsums[0]![0]).toEqual({ einsum: 'I[m, d] = I_in[m, d]', is_copy_operation: true });
    expect(einsums[1]).toEqual(['FFA[m, c] = QK[m, d] * WFFA[d, c]', 'FFB[m, d] = FFA[m, c] * WFFB[c, d]']);
    expect(result.value.root.renames).toEqual({
      einsums: [{ name: 'default', tensor_accesses: [{ name: 'output', source: 'Outputs', expected_count: 1 }] }],
    });
  });

  it('lists every file it read', () => {
    const result = loadTrace(data);
    if (!result.ok) throw new Error('load failed');
    expect(result.value.files).toEqual(['/trace/models/gpt/gpt_6.7B.yaml']);
    expect(result.value.dependencies).toEqual([
      '/trace/models/gpt/gpt_6.7B.yaml',
      '/trace/models/gpt/_gpt.yaml',
      '/trace/_renames.yaml',
      '/trace/models/_attention/attention.yaml',
      '/trace/models/_attention/_max_tokens_assert.yaml',
      '/trace/models/_ff/dense.yaml',
    ]);
  });

  it('runs the inherited MAX_N_TOKENS assertion inside the pasted file', () => {
    const result = loadTrace({ ...data, N_NEW_TOKENS: 100 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toContain('N_NEW_TOKENS exceeds MAX_N_TOKENS.');
    expect(result.errors[0]!.pos).toEqual({ file: 'models/_attention/_max_tokens_assert.yaml', line: 2, col: 3 });
  });

  it('reports undefined data inside an included file where it is used, like StrictUndefined', () => {
    const result = loadTrace({ DECODE: true, N_NEW_TOKENS: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toBe("Jinja variable 'N_CACHED_TOKENS' is undefined");
    expect(result.errors[0]!.pos).toEqual({ file: 'models/_attention/attention.yaml', line: 6, col: 8 });
  });

  it('reports the data the UI should ask for', () => {
    const result = loadTrace(data);
    if (!result.ok) throw new Error('load failed');
    const vars = result.value.jinjaVariables;
    expect([...vars.keys()].sort()).toEqual(['DECODE', 'MAX_N_TOKENS', 'N_CACHED_TOKENS', 'N_NEW_TOKENS']);
    expect(vars.get('MAX_N_TOKENS')).toMatchObject({ defaultText: '64', file: 'models/gpt/gpt_6.7B.yaml', line: 6 });
    expect(vars.get('N_NEW_TOKENS')?.defaultText).toBeUndefined();
  });
});

describe('include naming and markers', () => {
  it('names includes <stem>_<n> without non-word characters', () => {
    expect(includeName('/x/gpt3_6.7B.yaml', 0)).toBe('gpt3_67B_0');
    expect(includeName('/x/_gpt3.yaml', 1)).toBe('_gpt3_1');
  });

  it('renders the !include_loaded marker, with indices and text appended after it', () => {
    const spec = loadOk({
      'main.yaml': '{% set A = include("a.yaml", "..top") %}{% set B = include("a.yaml") %}\nx: {{A}}\ny: {{B}}.top.inner\nmarker: "{{B}}"',
      'a.yaml': 'top: {inner: [1, 2]}',
    });
    expect(spec.root).toEqual({ x: { inner: [1, 2] }, y: [1, 2], marker: '!include_loaded main_1' });
  });

  it('inserts included objects by reference', () => {
    const spec = loadOk({ 'main.yaml': '{% set A = include("a.yaml") %}\nx: {{A}}.m\ny: {{A}}.m', 'a.yaml': 'm: {k: 1}' });
    expect(spec.root.x).toBe(spec.root.y);
  });

  it('lists the available keys when a marker path is wrong', () => {
    const error = loadError({ 'main.yaml': '{% set A = include("a.yaml") %}\nx: {{A}}.workload.nope', 'a.yaml': 'workload: {einsums: [], rank_sizes: {}}' });
    expect(error.message).toBe("!include_loaded main_0.workload.nope: key 'nope' not found");
    expect(error.hint).toBe('Available keys: einsums, rank_sizes.');
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 4 });
  });

  it('passes keyword arguments and can turn inheritance off', () => {
    const files = { 'main.yaml': '{% set X = 5 %}{% set A = include("a.yaml", K=2) %}\nr: {{A}}.v', 'a.yaml': 'v: [{{K}}, {{ X | default(0) }}]' };
    expect(loadOk(files).root.r).toEqual([2, 5]);
    const noInherit = { ...files, 'main.yaml': '{% set X = 5 %}{% set A = include("a.yaml", "", False, K=2) %}\nr: {{A}}.v' };
    expect(loadOk(noInherit).root.r).toEqual([2, 0]);
  });

  it('include_all returns one result per matching file', () => {
    const spec = loadOk({
      'main.yaml': '{% set L = include_all("parts/*.yaml", "v") %}\nall: {{L}}',
      'parts/a.yaml': 'v: 1',
      'parts/b.yaml': 'v: 2',
    });
    expect(spec.root.all).toEqual([1, 2]);
  });

  it('include() of a glob matching several files points to include_all', () => {
    const error = loadError({ 'main.yaml': '{% set L = include("parts/*.yaml") %}', 'parts/a.yaml': 'v: 1', 'parts/b.yaml': 'v: 2' });
    expect(error.message).toContain('matches 2 files');
    expect(error.hint).toContain('include_all');
  });

  it('supports the legacy !include tag', () => {
    expect(loadOk({ 'main.yaml': 'x: !include sub/a.yaml', 'sub/a.yaml': 'v: {{N}}' }, { jinjaData: { N: 3 } }).root).toEqual({ x: { v: 3 } });
  });
});

describe('path globals', () => {
  it('resolves relative to the current file, then add_to_path dirs', () => {
    const spec = loadOk({
      'main.yaml': '{{ add_to_path("lib") }}\na: {{ path_exists("x.yaml") }}\nb: {{ path_exists("nope.yaml") }}\nc: {{ find_path("x.yaml") }}\nd: {{ cwd() }}\ne: {{ find_paths("lib/*.yaml") }}',
      'lib/x.yaml': 'v: 1',
      'lib/y.yaml': 'v: 1',
    });
    expect(spec.root).toEqual({ a: true, b: false, c: '/spec/lib/x.yaml', d: '/spec', e: ['/spec/lib/x.yaml', '/spec/lib/y.yaml'] });
  });

  it('uses the caller include dirs', () => {
    const spec = loadOk({ 'main.yaml': '{% set A = include("common.yaml") %}\nx: {{A}}.v', '/shared/common.yaml': 'v: 4' }, { includeDirs: ['/shared'] });
    expect(spec.root.x).toBe(4);
  });

  it('reports a missing include with every searched path', () => {
    const error = loadError({ 'main.yaml': '{{ add_to_path("lib") }}\n{% set A = include("gone.yaml") %}', 'lib/x.yaml': '' });
    expect(error.kind).toBe('jinja');
    expect(error.message).toBe('File not found: gone.yaml');
    expect(error.hint).toContain('/spec/gone.yaml, /spec/lib/gone.yaml');
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 1 });
  });

  it('reports include cycles instead of recursing forever', () => {
    const error = loadError({ 'main.yaml': '{% set A = include("b.yaml") %}', 'b.yaml': '{% set B = include("main.yaml") %}' });
    expect(error.kind).toBe('io');
    expect(error.message).toBe('Include cycle: main.yaml → b.yaml → main.yaml');
  });

  it('reports a missing top-level file', () => {
    const error = loadError({}, { paths: ['arch.yaml'] });
    expect(error).toMatchObject({ kind: 'io', message: 'File not found: arch.yaml', hint: 'Searched: /spec/arch.yaml' });
  });
});
