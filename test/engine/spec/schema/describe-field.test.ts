import { describe, expect, it } from 'vitest';
import { describeField } from '../../../../src/engine/spec/schema/index.js';

const ARCH_TAGS = ['Memory', 'Toll', 'Compute', 'Container', 'Network', 'Hierarchical', 'Fork', 'Array'];

describe('describeField', () => {
  it('lists the top-level sections with descriptions', () => {
    const doc = describeField([]);
    expect(doc?.fields?.map((f) => f.name)).toEqual([
      'arch', 'workload', 'renames', 'variables', 'mapping', 'mapper', 'model', 'config',
    ]);
    expect(doc?.fields?.every((f) => f.description && !f.required)).toBe(true);
  });

  it('gives the allowed tags of arch.nodes', () => {
    const doc = describeField(['arch', 'nodes']);
    expect(doc?.tags).toEqual(ARCH_TAGS);
    expect(doc?.description).toBe('The hierarchy, outermost first');
  });

  it('describes a tagged node using the tag in the raw tree', () => {
    const raw = { arch: { nodes: [{ $tag: 'Toll', name: 'ADC' }] } };
    const doc = describeField(['arch', 'nodes', 0], raw);
    const direction = doc?.fields?.find((f) => f.name === 'direction');
    expect(direction?.required).toBe(true);
    expect(direction?.description).toContain('up_and_down');
    expect(doc?.fields?.some((f) => f.name === 'size')).toBe(false);
    expect(doc?.tags).toEqual(ARCH_TAGS);
  });

  it('describes a nested field', () => {
    const raw = { arch: { nodes: [{ $tag: 'Memory', name: 'M', size: 1 }] } };
    expect(describeField(['arch', 'nodes', 0, 'size'], raw)?.description).toBe('Capacity in bits (`inf` allowed)');
    const tensors = describeField(['arch', 'nodes', 0, 'tensors'], raw);
    expect(tensors?.fields?.map((f) => f.name)).toContain('may_keep');
  });

  it('follows Array nodes, which only allow leaves', () => {
    const raw = { arch: { nodes: [{ $tag: 'Array', name: 'A', nodes: [] }] } };
    expect(describeField(['arch', 'nodes', 0, 'nodes'], raw)?.tags).toEqual(ARCH_TAGS.slice(0, 5));
  });

  it('picks the einsum item schema from the raw value', () => {
    const raw = { workload: { einsums: [{ einsum: 'Z[m] = A[m]' }, { name: 'E' }] } };
    const concise = describeField(['workload', 'einsums', 0], raw);
    expect(concise?.fields?.map((f) => f.name)).toContain('einsum');
    const verbose = describeField(['workload', 'einsums', 1], raw);
    expect(verbose?.fields?.filter((f) => f.required).map((f) => f.name)).toEqual(['name', 'tensor_accesses']);
  });

  it('lists the mapping node tags', () => {
    expect(describeField(['mapping', 'nodes'])?.tags).toContain('Temporal');
  });

  it('returns undefined for a path outside the schema', () => {
    expect(describeField(['arch', 'colour'])).toBeUndefined();
  });
});
