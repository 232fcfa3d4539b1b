import { describe, expect, it } from 'vitest';
import { loadError, loadMemory, loadOk } from './helpers.js';

describe('loadSpecFiles', () => {
  it('unions top-level keys across files, the first definition winning', () => {
    const spec = loadOk(
      { 'arch.yaml': 'arch: {nodes: [1]}\nvariables: {a: 1}', 'workload.yaml': 'workload: {einsums: []}\nvariables: {b: 2}' },
      { paths: ['arch.yaml', 'workload.yaml'] },
    );
    expect(spec.root).toEqual({ arch: { nodes: [1] }, variables: { a: 1 }, workload: { einsums: [] } });
    expect(spec.files).toEqual(['/spec/arch.yaml', '/spec/workload.yaml']);
    expect(spec.sources.locate(spec.root, ['workload'])).toEqual({ file: 'workload.yaml', line: 1, col: 11 });
  });

  it('expands globs and drops duplicate files', () => {
    const spec = loadOk({ 'parts/a.yaml': 'a: 1', 'parts/b.yaml': 'b: 2' }, { paths: ['parts/*.yaml', 'parts/a.yaml'] });
    expect(spec.root).toEqual({ a: 1, b: 2 });
    expect(spec.files).toEqual(['/spec/parts/a.yaml', '/spec/parts/b.yaml']);
  });

  it('gives every file the same Jinja data, fresh', () => {
    const spec = loadOk(
      { 'a.yaml': '{% set N = N + 1 %}\na: {{N}}', 'b.yaml': 'b: {{N}}' },
      { paths: ['a.yaml', 'b.yaml'], jinjaData: { N: 1 } },
    );
    expect(spec.root).toEqual({ a: 2, b: 1 });
  });

  it('lists the Jinja variables a spec reads, with defaults', () => {
    const spec = loadOk(
      {
        'main.yaml': [
          '{% set M = M | default(128) %}',
          '{% set CFG = CFG | default(dict()) %}',
          '{% set LOCAL = 3 %}',
          'a: {{ M }} {{ LOCAL }}',
          '{% for i in range(N_EINSUMS) %}',
          'n{{i}}: {{ KN | default("x") }}',
          '{% endfor %}',
        ].join('\n'),
      },
      { jinjaData: { N_EINSUMS: 1 } },
    );
    const vars = spec.jinjaVariables;
    expect([...vars.keys()].sort()).toEqual(['CFG', 'KN', 'M', 'N_EINSUMS']);
    expect(vars.get('M')).toEqual({ name: 'M', defaultText: '128', file: 'main.yaml', line: 1 });
    expect(vars.get('CFG')?.defaultText).toBe('dict()');
    expect(vars.get('KN')?.defaultText).toBe('"x"');
    expect(vars.get('N_EINSUMS')).toEqual({ name: 'N_EINSUMS', file: 'main.yaml', line: 5 });
  });

  it('returns errors instead of throwing, whatever the input', () => {
    const inputs = ['{{', '{% for %}', 'a: [', '!!binary x', 'a: *nope', '{{ 1 / 0 }}', '{% set x = include() %}', '\t- a'];
    for (const text of inputs) {
      const result = loadMemory({ 'main.yaml': text });
      if (!result.ok) expect(result.errors[0]!.message.length).toBeGreaterThan(0);
    }
    const unknownAlias = loadError({ 'main.yaml': 'a: *nope' });
    expect(unknownAlias.kind).toBe('yaml');
  });
});
