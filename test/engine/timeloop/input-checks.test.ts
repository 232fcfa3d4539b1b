import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertTimeloopResult } from '../../../src/engine/timeloop/index.js';

const DESIGNS = 'test/fixtures/timeloop';
const ARCH = readFileSync(`${DESIGNS}/v4/workspace/example_designs/example_designs/simple_weight_stationary/arch.yaml`, 'utf8');
const PROBLEM = readFileSync(`${DESIGNS}/v4-2ffec69/workspace/example_designs/example_designs/_include/default_problem.yaml`, 'utf8');

/** Converts the design with one text replaced; returns the first error. */
function convertError(file: 'arch.yaml' | 'problem.yaml', find: string, replace: string) {
  const texts = { 'arch.yaml': ARCH, 'problem.yaml': PROBLEM };
  expect(texts[file]).toContain(find);
  texts[file] = texts[file].replace(find, replace);
  const result = convertTimeloopResult(Object.entries(texts).map(([path, text]) => ({ path, text })));
  if (result.ok) throw new Error(`'${replace}' converted without an error`);
  return result.errors[0]!;
}

describe('Timeloop input checks', () => {
  it('converts the unchanged design', () => {
    expect(convertTimeloopResult([{ path: 'arch.yaml', text: ARCH }, { path: 'problem.yaml', text: PROBLEM }]).ok).toBe(true);
  });

  it('refuses problem dimensions that are not whole numbers of at least 1, at the value', () => {
    const abc = convertError('problem.yaml', '    M: 32', '    M: abc');
    expect(abc.message).toBe('problem dimension `M: abc` is not a number');
    expect(abc.pos).toEqual({ file: 'problem.yaml', line: 9, col: 8 });
    expect(abc.hint).toMatch(/whole number of at least 1/);
    expect(convertError('problem.yaml', '    M: 32', '    M: 0').message).toBe('problem dimension `M: 0` must be at least 1');
    expect(convertError('problem.yaml', '    M: 32', '    M: 1.5').message).toBe('problem dimension `M: 1.5` must be a whole number');
    expect(convertError('problem.yaml', '    M: 32', '    M: .nan').message).toBe('problem dimension `M: NaN` is not a number');
  });

  it('refuses negative depths, zero widths and meshes below 1, at the value', () => {
    const depth = convertError('arch.yaml', '      depth: 16384', '      depth: -16384');
    expect(depth.message).toBe('attribute `depth: -16384` must not be negative');
    expect(depth.pos).toEqual({ file: 'arch.yaml', line: 27, col: 14 });
    expect(convertError('arch.yaml', 'datawidth: 16', 'datawidth: 0').message).toBe('attribute `datawidth: 0` must be positive');
    const mesh = convertError('arch.yaml', 'meshX: 16', 'meshX: -4');
    expect(mesh.message).toBe('mesh size `meshX: -4` must be at least 1');
    expect(mesh.pos).toEqual({ file: 'arch.yaml', line: 36, col: 22 });
  });

  it('refuses a spatial factor larger than its problem dimension, at the factor', () => {
    const error = convertError('arch.yaml', 'factors: [R=1, S=1, P=1, Q=1]', 'factors: [R=1, S=1, P=1, Q=113]');
    expect(error.message).toBe('spatial factor Q=113 on PE is larger than problem dimension Q (112)');
    expect(error.pos).toEqual({ file: 'arch.yaml', line: 41, col: 34 });
  });
});
