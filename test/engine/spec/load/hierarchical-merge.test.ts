import { describe, expect, it } from 'vitest';
import { loadError, loadOk, rootOf } from './helpers.js';

describe('<<< hierarchical merge', () => {
  it('merges nested mappings recursively, local values winning', () => {
    const root = rootOf(
      ['base: &base {a: 1, n: {x: 1, y: 1}, s: src}', 'obj:', '  <<<: *base', '  n: {y: 2, z: 2}', '  s: local'].join('\n'),
    );
    expect(root.obj).toEqual({ n: { y: 2, z: 2, x: 1 }, s: 'local', a: 1 });
  });

  it('concatenates a local list written before <<< (local first)', () => {
    const root = rootOf(['base: &base {mylist: [4, 5]}', 'obj:', '  mylist: [1, 2, 3]', '  <<<: *base'].join('\n'));
    expect(root.obj).toEqual({ mylist: [1, 2, 3, 4, 5] });
  });

  it('loses the concatenation when the list key comes after <<< (snapshot quirk)', () => {
    const root = rootOf(['base: &base {mylist: [4, 5]}', 'obj:', '  <<<: *base', '  mylist: [1, 2, 3]'].join('\n'));
    expect(root.obj).toEqual({ mylist: [1, 2, 3] });
  });

  it('still merges nested mappings that come after <<<', () => {
    const root = rootOf(['base: &base {n: {x: 1}}', 'obj:', '  <<<: *base', '  n: {y: 2}'].join('\n'));
    expect(root.obj).toEqual({ n: { y: 2, x: 1 } });
  });

  it('folds a list of sources left to right, the first winning on conflicts', () => {
    const root = rootOf(['a: &a {P: 1, M: 2}', 'b: &b {M: 99, C: 3}', 'r:', '  <<<: [*a, *b]'].join('\n'));
    expect(root.r).toEqual({ P: 1, M: 2, C: 3 });
  });

  it('keeps !nomerge collections untouched', () => {
    const root = rootOf(['base: &base {l: [9], m: {x: 1}}', 'obj:', '  l: !nomerge [1]', '  m: !nomerge {y: 2}', '  <<<: *base'].join('\n'));
    expect(root.obj).toEqual({ l: [1], m: { y: 2 } });
  });

  it('deep-copies the source, so the anchor is not changed by later merges', () => {
    const root = rootOf(['base: &base {n: {x: 1}}', 'o1:', '  <<<: *base', 'o2:', '  n: {y: 1}', '  <<<: *base'].join('\n'));
    expect(root.base).toEqual({ n: { x: 1 } });
    expect(root.o1).toEqual({ n: { x: 1 } });
    expect(root.o2).toEqual({ n: { y: 1, x: 1 } });
    expect((root.o1 as Record<string, unknown>).n).not.toBe((root.base as Record<string, unknown>).n);
  });

  it('gives merged-in copies source positions', () => {
    const spec = loadOk({ 'main.yaml': ['base: &base', '  n: {x: 1}', '  l: [7]', 'obj:', '  l: [6]', '  <<<: *base'].join('\n') });
    expect(spec.sources.locate(spec.root, ['obj', 'n', 'x'])).toEqual({ file: 'main.yaml', line: 2, col: 10 });
    expect(spec.sources.locate(spec.root, ['obj', 'l', 0])).toEqual({ file: 'main.yaml', line: 5, col: 7 });
    expect(spec.sources.locate(spec.root, ['obj', 'l', 1])).toEqual({ file: 'main.yaml', line: 3, col: 7 });
  });

  it('rejects a source that is not a mapping', () => {
    const error = loadError({ 'main.yaml': 'obj:\n  <<<: [1, 2]\n' });
    expect(error.kind).toBe('yaml');
    expect(error.message).toBe("The value of '<<<' must be a mapping or a list of mappings");
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 8 });
  });
});
