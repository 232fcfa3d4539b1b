import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankJinja, findFieldInText, pointFieldEdits, setFieldInText } from '../../../src/ui/features/sweep/field-text.js';

const GLB = 'arch.nodes[name=GlobalBuffer].size';
const EYERISS = readFileSync(new URL('../../../src/examples/arches/eyeriss.yaml', import.meta.url), 'utf8');
const MATMULS = readFileSync(new URL('../../../src/examples/workloads/basic/matmuls.yaml', import.meta.url), 'utf8');

describe('writing a sweep field into spec text', () => {
  it('replaces only the value of the bundled Eyeriss GlobalBuffer size (line 17)', () => {
    expect(findFieldInText(EYERISS, GLB)).toMatchObject({ line: 17, col: 11 });
    const next = setFieldInText(EYERISS, GLB, 13004)!;
    const before = EYERISS.split('\n');
    const after = next.split('\n');
    expect(after[16]).toBe('    size: 13004');
    expect(before[16]).toBe('    size: 1024 * 1024');
    expect(after.filter((line, i) => line !== before[i])).toEqual(['    size: 13004']);
  });

  it('finds entries by index and in flow mappings, keeping comments', () => {
    const text = 'arch:\n  nodes:\n  - {name: A, size: 8}  # first\n  - !Memory\n    name: B\n    size: inf # huge\n';
    expect(setFieldInText(text, 'arch.nodes[name=A].size', 64)).toBe(text.replace('size: 8}', 'size: 64}'));
    expect(setFieldInText(text, 'arch.nodes[1].size', 4096)).toBe(text.replace('size: inf', 'size: 4096'));
    expect(setFieldInText(text, 'arch.nodes[1].size', Infinity)).toBe(text);
  });

  it('reads through Jinja tags but never overwrites a templated value', () => {
    const text = 'arch:\n  nodes:\n  {% for i in range(2) %}\n  - {name: B{{i}}, size: 8}\n  {% endfor %}\n  - name: G\n    size: {{ GLB_SIZE }}\n  - name: H\n    size: 4{{ unit }}\n';
    expect(blankJinja('a {{ x }}\nb')).toBe(`a${' '.repeat(8)}\nb`);
    expect(blankJinja(text)).toHaveLength(text.length);
    expect(findFieldInText(text, 'arch.nodes[name=G].size')).toBeNull();
    expect(findFieldInText(text, 'arch.nodes[name=H].size')).toBeNull();
    expect(findFieldInText(text, 'arch.nodes[0].size')).toMatchObject({ line: 4 });
  });

  it('gives null for paths the text does not spell out', () => {
    expect(findFieldInText(EYERISS, 'arch.nodes[name=Nope].size')).toBeNull();
    expect(findFieldInText(EYERISS, 'arch.nodes[name=GlobalBuffer].depth')).toBeNull();
    expect(findFieldInText(EYERISS, 'not a path')).toBeNull();
    expect(findFieldInText('arch: [unclosed', GLB)).toBeNull();
  });

  it('puts each field into the first spec file that spells it out and reports the rest', () => {
    const files = { 'arches/eyeriss.yaml': EYERISS, 'workloads/basic/matmuls.yaml': MATMULS };
    const specFiles = ['workloads/basic/matmuls.yaml', 'arches/eyeriss.yaml'];
    const edits = pointFieldEdits(files, specFiles, { [GLB]: 256, 'arch.nodes[name=MAC].size': 1 });
    expect(Object.keys(edits.files)).toEqual(['arches/eyeriss.yaml']);
    expect(edits.files['arches/eyeriss.yaml']!.split('\n')[16]).toBe('    size: 256');
    expect(edits.edits).toEqual([{ path: GLB, file: 'arches/eyeriss.yaml', value: 256, line: 17, col: 11 }]);
    expect(edits.missed).toEqual(['arch.nodes[name=MAC].size']);
    // A value the text already holds is not an edit.
    const same = pointFieldEdits({ 'a.yaml': 'arch:\n  nodes:\n  - {name: GlobalBuffer, size: 256}\n' }, ['a.yaml'], { [GLB]: 256 });
    expect(same.files).toEqual({});
    expect(same.edits).toHaveLength(1);
  });
});
