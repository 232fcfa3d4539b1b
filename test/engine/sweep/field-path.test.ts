import { describe, expect, it } from 'vitest';
import { makeKnob, parseFieldPath, parseKnob, setField } from '../../../src/engine/sweep/index.js';
import type { RawMap } from '../../../src/engine/spec/raw.js';

describe('field paths', () => {
  it('parses keys, indices and name matches', () => {
    expect(parseFieldPath('arch.nodes[name=GlobalBuffer].size')).toEqual([
      { kind: 'key', key: 'arch' },
      { kind: 'key', key: 'nodes' },
      { kind: 'match', field: 'name', value: 'GlobalBuffer' },
      { kind: 'key', key: 'size' },
    ]);
    expect(parseFieldPath('arch.nodes[2].size')[2]).toEqual({ kind: 'index', index: 2 });
    expect(() => parseFieldPath('arch.nodes[1]')).toThrow(/end in a field name/);
  });

  it('sets the field in place and returns its concrete spec path', () => {
    const root: RawMap = { arch: { nodes: [{ $tag: 'Memory', name: 'MainMemory', size: 'inf' }, { $tag: 'Memory', name: 'GlobalBuffer', size: '1024 * 1024' }] } };
    const path = setField(root, parseFieldPath('arch.nodes[name=GlobalBuffer].size'), 4096, 'x');
    expect(path).toEqual(['arch', 'nodes', 1, 'size']);
    expect((root.arch as { nodes: RawMap[] }).nodes[1]!.size).toBe(4096);
  });

  it('names the available entries when a name does not match', () => {
    const root: RawMap = { arch: { nodes: [{ name: 'MainMemory' }, { name: 'MAC' }] } };
    expect(() => setField(root, parseFieldPath('arch.nodes[name=GLB].size'), 1, 'p')).toThrow(/has: MainMemory, MAC/);
  });

  it('tells variables from field paths in --vary', () => {
    expect(parseKnob('GlobalBufferSize=1,2')).toEqual({ key: 'GlobalBufferSize', kind: 'variable', values: [1, 2] });
    const knob = parseKnob('arch.nodes[name=GlobalBuffer].size=32B,64B');
    expect(knob).toEqual({ key: 'arch.nodes[name=GlobalBuffer].size', kind: 'field', values: [256, 512] });
    expect(() => makeKnob('arch.nodes[0].size', ['big'])).toThrow(/takes numbers/);
  });
});
