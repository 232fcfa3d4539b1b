/**
 * The layer rule, checked on every source file: ui → worker → engine, cli → (worker) → engine. The engine
 * imports no Node modules, DOM libraries, React, zustand or comlink; only src/worker imports comlink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

/** Which top-level folder of src/ an import lands in ('' for packages). */
function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return '';
  const target = relative(SRC, join(file, '..', specifier));
  return target.split('/')[0] ?? '';
}

const files = sourceFiles(SRC).map((file) => ({ file, layer: relative(SRC, file).split('/')[0]!, imports: importsOf(file) }));

const FORBIDDEN_PACKAGES: Readonly<Record<string, RegExp>> = {
  engine: /^(node:|fs$|path$|os$|child_process$|worker_threads$|react|zustand|comlink|monaco-editor|recharts|lz-string)/,
  examples: /^(node:|react|zustand|comlink)/,
  worker: /^(react|zustand|monaco-editor|recharts)/,
};

const ALLOWED_LAYERS: Readonly<Record<string, readonly string[]>> = {
  engine: ['engine'],
  examples: ['examples'],
  worker: ['worker', 'engine', 'examples'],
  ui: ['ui', 'worker', 'engine', 'examples'],
  // The CLI hosts the mapper's worker pool in Node, as the UI hosts it in the browser.
  cli: ['cli', 'worker', 'engine', 'examples'],
};

describe('layer boundaries', () => {
  it('finds the source files', () => {
    expect(files.filter((f) => f.layer === 'engine').length).toBeGreaterThan(50);
  });

  it.each(Object.keys(ALLOWED_LAYERS))('%s imports only the layers below it', (layer) => {
    const violations = files
      .filter((f) => f.layer === layer)
      .flatMap((f) =>
        f.imports
          .filter((spec) => {
            const target = layerOf(f.file, spec);
            if (target === '') return FORBIDDEN_PACKAGES[layer]?.test(spec) ?? false;
            return !ALLOWED_LAYERS[layer]!.includes(target);
          })
          .map((spec) => `${relative(SRC, f.file)} imports ${spec}`),
      );
    expect(violations).toEqual([]);
  });

  it('keeps comlink inside src/worker and the Node pool host', () => {
    const users = files.filter((f) => f.imports.some((s) => s === 'comlink' || s.startsWith('comlink/')));
    const outside = users.map((f) => relative(SRC, f.file)).filter((path) => !path.startsWith('worker/') && !path.startsWith('cli/mapper-pool'));
    expect(outside).toEqual([]);
  });
});
