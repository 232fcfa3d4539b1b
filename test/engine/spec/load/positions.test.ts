import { describe, expect, it } from 'vitest';
import { loadOk } from './helpers.js';

describe('source positions', () => {
  it('reports line and column of values and keys in a plain file', () => {
    const spec = loadOk({ 'main.yaml': 'arch:\n  nodes:\n  - !Memory\n    name: MainMemory\n    size: 1024\n' });
    expect(spec.sources.locate(spec.root, ['arch', 'nodes', 0, 'size'])).toEqual({ file: 'main.yaml', line: 5, col: 11 });
    expect(spec.sources.locateKey(spec.root, ['arch', 'nodes', 0, 'size'])).toEqual({ file: 'main.yaml', line: 5, col: 5 });
  });

  it('maps values after a Jinja for-loop back to the template lines', () => {
    const text = [
      '{% set M = 8 %}',
      'workload:',
      '  einsums:',
      '  {% for i in range(3) %}',
      '  - name: Matmul{{i}}',
      '    size: {{ M * (i + 1) }}',
      '  {% endfor %}',
      '  after: 1',
    ].join('\n');
    const spec = loadOk({ 'main.yaml': text });
    const einsums = (spec.root.workload as Record<string, unknown>).einsums as Record<string, unknown>[];
    expect(einsums.map((e) => e.size)).toEqual([8, 16, 24]);
    // Every iteration points at the loop body line that produced it.
    for (const i of [0, 1, 2]) {
      expect(spec.sources.locate(spec.root, ['workload', 'einsums', i, 'size'])).toEqual({ file: 'main.yaml', line: 6, col: 11 });
      expect(spec.sources.locate(spec.root, ['workload', 'einsums', i, 'name'])).toEqual({ file: 'main.yaml', line: 5, col: 11 });
    }
    expect(spec.sources.locate(spec.root, ['workload', 'after'])).toEqual({ file: 'main.yaml', line: 8, col: 10 });
  });

  it('keeps columns right for text after a {{ }} tag', () => {
    const spec = loadOk({ 'main.yaml': 'a: {x: {{ LONG_NAME_HERE }}, y: 2}\n' }, { jinjaData: { LONG_NAME_HERE: 1 } });
    expect(spec.sources.locate(spec.root, ['a', 'y'])).toEqual({ file: 'main.yaml', line: 1, col: 33 });
    expect(spec.sources.locate(spec.root, ['a', 'x'])).toEqual({ file: 'main.yaml', line: 1, col: 8 });
  });

  it('points into included files for included data', () => {
    const spec = loadOk({
      'main.yaml': '{% set A = include("sub/a.yaml") %}\n\nworkload: {{A}}.workload\n',
      'sub/a.yaml': '# comment\nworkload:\n  rank_sizes:\n    M: 64\n',
    });
    expect(spec.sources.locate(spec.root, ['workload'])).toEqual({ file: 'main.yaml', line: 3, col: 11 });
    expect(spec.sources.locate(spec.root, ['workload', 'rank_sizes', 'M'])).toEqual({ file: 'sub/a.yaml', line: 4, col: 8 });
  });

  it('points into include_text files for pasted text', () => {
    const spec = loadOk({ 'main.yaml': 'a: 1\n{{ include_text("r.yaml") }}\nb: 2\n', 'r.yaml': 'renames:\n  x: 5\n' });
    expect(spec.sources.locate(spec.root, ['renames', 'x'])).toEqual({ file: 'r.yaml', line: 2, col: 6 });
    expect(spec.sources.locate(spec.root, ['b'])).toEqual({ file: 'main.yaml', line: 3, col: 4 });
  });

  it('falls back to the nearest existing ancestor', () => {
    const spec = loadOk({ 'main.yaml': 'arch:\n  nodes: []\n' });
    expect(spec.sources.locate(spec.root, ['arch', 'nodes', 4, 'size'])).toEqual({ file: 'main.yaml', line: 2, col: 10 });
  });
});
