import { describe, expect, it } from 'vitest';
import { detectSpecRole, isYamlFileName, planDrop } from '../../../src/ui/features/files/spec-role.js';

describe('detectSpecRole', () => {
  it('uses the first top-level spec key', () => {
    expect(detectSpecRole('# c\narch:\n  nodes: []')).toBe('arch');
    expect(detectSpecRole('{% set A = 1 %}\nworkload:\n  einsums: []')).toBe('workload');
    expect(detectSpecRole('mapping:\n  nodes: []')).toBe('mapping');
    expect(detectSpecRole('  arch: nested\nvariables: {}')).toBe('other');
  });
});

describe('planDrop', () => {
  const files = { 'arches/simple.yaml': 'arch: {}', 'workloads/m.yaml': 'workload: {}' };
  const specFiles = ['arches/simple.yaml', 'workloads/m.yaml'];

  it('replaces the spec file with the same role', () => {
    expect(planDrop('my_arch.yaml', 'arch:\n  nodes: []', specFiles, files)).toEqual({
      replace: 'arches/simple.yaml',
      path: 'dropped/my_arch.yaml',
    });
  });

  it('adds files with a new role', () => {
    expect(planDrop('map.yml', 'mapping: {}', specFiles, files)).toEqual({ replace: null, path: 'dropped/map.yml' });
  });

  it('accepts only YAML file names', () => {
    expect([isYamlFileName('a.YAML'), isYamlFileName('a.yml'), isYamlFileName('a.json')]).toEqual([true, true, false]);
  });
});
