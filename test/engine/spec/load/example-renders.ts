/**
 * Renders every example of the library (each catalogue entry with each of its presets, the
 * include-trace fixtures, and the Jinja fixtures of test/fixtures/bad) and records, per load,
 * the text of every Jinja render in order, position markers shown as «file:line:col», then the
 * load's outcome. The golden files under test/fixtures/load/example-renders pin these texts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatSpecError } from '../../../../src/engine/base/errors.js';
import { MemoryFileSystem } from '../../../../src/engine/io/memory-file-system.js';
import { loadSpecFiles } from '../../../../src/engine/spec/load/index.js';
import { EXAMPLES } from '../../../../src/examples/index.js';

const REPO = join(import.meta.dirname, '../../../..');

/** One load to render: files under `root` (an on-disk folder mounted at /root). */
export interface RenderCase {
  readonly name: string;
  readonly root: string;
  readonly path: string;
  readonly data: Record<string, unknown>;
}

function readTree(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, readTree(path, root));
    else if (name.endsWith('.yaml')) out[`/root/${relative(root, path)}`] = readFileSync(path, 'utf8');
  }
  return out;
}

const trees = new Map<string, Record<string, string>>();
function treeOf(root: string): Record<string, string> {
  let tree = trees.get(root);
  if (!tree) trees.set(root, (tree = readTree(root)));
  return tree;
}

const CALLER_FUNCTIONS = { max: Math.max, ceil: Math.ceil, CHUNK_SIZE: 8192 };

/** Every example × preset, plus the fixtures that go through Jinja. */
export function libraryRenderCases(): RenderCase[] {
  const examples = join(REPO, 'src/examples');
  const cases: RenderCase[] = [];
  for (const example of EXAMPLES) {
    const presets = 'presets' in example && example.presets.length > 0 ? example.presets : [{ key: '', values: {} }];
    for (const preset of presets) {
      cases.push({ name: `${example.id}@${preset.key}`, root: examples, path: example.path, data: { ...preset.values } });
      if (example.requiresFunctions) {
        const data = { ...preset.values, ATTENTION_TYPE: 'chunked_local', ...CALLER_FUNCTIONS };
        cases.push({ name: `${example.id}@${preset.key},chunked+functions`, root: examples, path: example.path, data });
      }
    }
  }
  const trace = join(REPO, 'test/fixtures/load/include-trace');
  const traceData = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 16 };
  for (const [label, data] of [
    ['prefill', traceData],
    ['too-many-tokens', { ...traceData, N_NEW_TOKENS: 100 }],
    ['decode-missing', { DECODE: true, N_NEW_TOKENS: 1 }],
    ['decode', { DECODE: true, N_NEW_TOKENS: 1, N_CACHED_TOKENS: 7, BATCH_SIZE: 2 }],
  ] as const) {
    cases.push({ name: `include-trace@${label}`, root: trace, path: 'models/gpt/gpt_6.7B.yaml', data });
  }
  const bad = join(REPO, 'test/fixtures/bad');
  for (const name of readdirSync(bad).filter((n) => /^(jinja|include)-.*\.yaml$/.test(n)).sort()) {
    cases.push({ name: `bad-${name.replace(/\.yaml$/, '')}`, root: bad, path: name, data: {} });
  }
  return cases;
}

const MARKER = /\uE000(\d+):(\d+):(\d+)(=?)\uE001/g;

/** The renders and outcome of one load, as text. */
export function renderCase(test: RenderCase, capture: string[]): string {
  capture.length = 0;
  const fs = new MemoryFileSystem(treeOf(test.root), '/root');
  const result = loadSpecFiles([test.path], { fs, jinjaData: { ...test.data } });
  const parts = capture.map((text, i) => `--- render ${i}\n${text.replace(MARKER, '«$1:$2:$3$4»')}`);
  parts.push(result.ok ? `--- ok` : `--- error\n${result.errors.map(formatSpecError).join('\n')}`);
  return `${parts.join('\n')}\n`;
}

/** A file name for a case. */
export function caseFileName(test: RenderCase): string {
  return `${test.name.replace(/[^\w.@,=-]+/g, '_')}.txt`;
}
