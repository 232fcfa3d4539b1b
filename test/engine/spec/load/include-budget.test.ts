import { describe, expect, it } from 'vitest';
import { MAX_INCLUDES_PER_LOAD } from '../../../../src/engine/spec/load/include-budget.js';
import { loadError, loadOk } from './helpers.js';

describe('include budget', () => {
  it('allows the cap exactly, and refuses one include more at its include() call', () => {
    const loop = (n: number) => `{% for i in range(${n}) %}{% set X = include("part.yaml") %}{% endfor %}\nx: 1\n`;
    expect(loadOk({ 'main.yaml': loop(MAX_INCLUDES_PER_LOAD), 'part.yaml': 'y: 2\n' }).root).toEqual({ x: 1 });
    const error = loadError({ 'main.yaml': loop(MAX_INCLUDES_PER_LOAD + 1), 'part.yaml': 'y: 2\n' });
    expect(error.message).toBe(`Too many includes: this spec loads more than ${MAX_INCLUDES_PER_LOAD} included files in one load (the limit was crossed including part.yaml)`);
    expect(error.pos).toMatchObject({ file: 'main.yaml', line: 1 });
    expect(error.hint).toMatch(/outside the loop/);
  });

  it('blames a fan-out (each file includes the next twice) on the top file, whatever level trips', () => {
    const files: Record<string, string> = { 'main.yaml': 'a: 1\n{% set A = include("l1.yaml") %}{% set B = include("l1.yaml") %}\n' };
    for (let level = 1; level < 12; level++) {
      files[`l${level}.yaml`] = `{% set A = include("l${level + 1}.yaml") %}{% set B = include("l${level + 1}.yaml") %}\nx: 1\n`;
    }
    files['l12.yaml'] = 'x: 1\n';
    const error = loadError(files);
    expect(error.message).toMatch(/^Too many includes: .* more than 256 included files/);
    expect(error.pos).toMatchObject({ file: 'main.yaml', line: 2 });
  });

  it('counts include_text too', () => {
    const error = loadError({ 'main.yaml': `{% for i in range(300) %}{{ include_text("t.txt") }}{% endfor %}\nx: 1\n`, 't.txt': '' });
    expect(error.message).toMatch(/^Too many includes/);
    expect(error.pos).toMatchObject({ file: 'main.yaml', line: 1 });
  });
});
