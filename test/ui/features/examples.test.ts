import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src/examples/index.js';
import { BUNDLED_FILES } from '../../../src/ui/features/examples/bundle.js';
import {
  findExampleByPath,
  getExamples,
  listExamplesOf,
  toEntry,
  variablesAfterSwitch,
} from '../../../src/ui/features/examples/catalogue.js';
import { createDefaultDesign } from '../../../src/ui/features/examples/default-design.js';
import { parseVariableInput } from '../../../src/ui/features/examples/variable-input.js';

describe('BUNDLED_FILES', () => {
  it('holds the example texts under paths relative to src/examples', () => {
    expect(BUNDLED_FILES['arches/simple.yaml']).toMatch(/^# A minimal three-level machine/);
  });
});

describe('gallery catalogue', () => {
  it('offers only bundled, loadable examples', () => {
    for (const entry of getExamples()) expect(BUNDLED_FILES[entry.path], entry.path).toBeTypeOf('string');
    expect(getExamples().some((e) => e.path.split('/').some((p) => p.startsWith('_')))).toBe(false);
    expect(listExamplesOf('arch').map((e) => e.path)).toContain('arches/simple.yaml');
  });

  it('carries the matmul workload variables and presets', () => {
    const matmuls = findExampleByPath('workloads/basic/matmuls.yaml');
    expect(matmuls?.variables.map((v) => [v.name, v.required, v.defaultValue])).toEqual([
      ['N_EINSUMS', true, null],
      ['M', false, 128],
      ['KN', false, 128],
    ]);
    expect(matmuls?.presets[0]).toEqual({ name: '2 matmuls, 64 x 64', variables: { KN: 64, M: 64, N_EINSUMS: 2 } });
  });

  it('drops dict-valued Jinja values, which have no form field', () => {
    const base = findExample('matmuls');
    if (base === undefined || base.kind !== 'workload') throw new Error('matmuls missing from the catalogue');
    const entry = toEntry({ ...base, presets: [{ key: 'k', label: 'dict', values: { A: 1, D: { x: 1 } } }] }, 'workload');
    expect(entry.presets[0]?.variables).toEqual({ A: 1 });
  });
});

describe('variablesAfterSwitch', () => {
  it("drops the old example's values and applies the new one's first preset", () => {
    const matmuls = findExampleByPath('workloads/basic/matmuls.yaml');
    const matvecs = findExampleByPath('workloads/basic/matvecs.yaml');
    if (matmuls === undefined || matvecs === undefined) throw new Error('basic workloads missing');
    expect(variablesAfterSwitch({ N_EINSUMS: 3, GlobalBufferSize: 8 }, matmuls, matvecs)).toEqual({ GlobalBufferSize: 8 });
    expect(variablesAfterSwitch({}, matvecs, matmuls)).toEqual({ KN: 64, M: 64, N_EINSUMS: 2 });
  });
});

describe('createDefaultDesign', () => {
  it('opens the simple arch and the matmul workload with its first preset', () => {
    const design = createDefaultDesign(getExamples(), BUNDLED_FILES);
    expect(design.specFiles).toEqual(['arches/simple.yaml', 'workloads/basic/matmuls.yaml']);
    expect(design.activeFile).toBe('arches/simple.yaml');
    expect(design.variables).toEqual({ KN: 64, M: 64, N_EINSUMS: 2 });
    expect(design.files['arches/simple.yaml']).toBe(BUNDLED_FILES['arches/simple.yaml']);
  });
});

describe('parseVariableInput', () => {
  it('keeps numbers and booleans typed, clears on blank, leaves partial numbers as text', () => {
    expect(['64', '-1.5e3', 'True', 'false', '  ', '1.', 'inf'].map(parseVariableInput)).toEqual([
      64, -1500, true, false, null, '1.', 'inf',
    ]);
  });
});
