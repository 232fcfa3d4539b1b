import { describe, expect, it } from 'vitest';
import { MAX_YAML_NESTING } from '../../../../src/engine/spec/load/yaml-depth.js';
import { loadError, rootOf } from './helpers.js';

const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('YAML nesting cap', () => {
  it('loads nesting up to the cap', () => {
    let value = rootOf(`x: 0\ndeep: ${nested(MAX_YAML_NESTING)}\n`).deep;
    for (let level = 0; level < MAX_YAML_NESTING; level++) value = (value as unknown[])[0];
    expect(value).toBe(1);
  });

  it('refuses one level more at the bracket that crosses it, not with a stack overflow', () => {
    const error = loadError({ 'main.yaml': `x: 0\ndeep: ${nested(10_000)}\n` });
    expect(error.message).toBe(`YAML nesting is too deep: more than ${MAX_YAML_NESTING} nested lists or mappings`);
    // "deep: " is 6 characters; the 201st bracket is at column 7 + 200.
    expect(error.pos).toMatchObject({ file: 'main.yaml', line: 2, col: 7 + MAX_YAML_NESTING });
    expect(error.hint).toMatch(/Nest at most 200 levels/);
  });

  it('does not count brackets inside quotes, comments or block scalars', () => {
    const many = '['.repeat(500);
    const root = rootOf(`a: "${many}"\nb: 1 # ${many}\nc: |\n  ${many}\n`);
    expect(root.a).toBe(many);
    expect(root.c).toBe(`${many}\n`);
  });

  it('counts mappings and lists together', () => {
    const depth = MAX_YAML_NESTING + 1;
    const error = loadError({ 'main.yaml': `deep: ${'[{a: '.repeat(depth / 2 + 1)}1${'}]'.repeat(depth / 2 + 1)}\n` });
    expect(error.message).toMatch(/too deep/);
  });
});
