import { describe, expect, it } from 'vitest';
import type { RawMap } from '../../../../src/engine/spec/raw.js';
import { SourceIndex } from '../../../../src/engine/spec/source-index.js';
import { validateSpec } from '../../../../src/engine/spec/schema/index.js';
import { describeField } from '../../../../src/engine/spec/schema/walk.js';

/** Raw trees that reach every object schema owned by the schema area (not mapping). */
const PROBES: { path: (string | number)[]; raw: RawMap }[] = [
  { path: [], raw: {} },
  { path: ['arch'], raw: {} },
  ...['Memory', 'Toll', 'Compute', 'Network', 'Container', 'Hierarchical', 'Fork', 'Array'].map((tag) => ({
    path: ['arch', 'nodes', 0],
    raw: { arch: { nodes: [{ $tag: tag }] } },
  })),
  { path: ['arch', 'nodes', 0, 'actions', 0], raw: { arch: { nodes: [{ $tag: 'Memory', actions: [{}] }] } } },
  { path: ['arch', 'nodes', 0, 'actions', 0], raw: { arch: { nodes: [{ $tag: 'Compute', actions: [{}] }] } } },
  { path: ['arch', 'nodes', 0, 'spatial', 0], raw: { arch: { nodes: [{ $tag: 'Container', spatial: [{}] }] } } },
  { path: ['arch', 'nodes', 0, 'tensors'], raw: { arch: { nodes: [{ $tag: 'Memory' }] } } },
  { path: ['arch', 'nodes', 0, 'tensors', 'tile_shape', 0], raw: { arch: { nodes: [{ $tag: 'Memory', tensors: { tile_shape: [{}] } }] } } },
  { path: ['workload'], raw: {} },
  { path: ['workload', 'einsums', 0], raw: { workload: { einsums: [{}] } } },
  { path: ['workload', 'einsums', 0], raw: { workload: { einsums: [{ einsum: '' }] } } },
  { path: ['workload', 'einsums', 0, 'tensor_accesses', 0], raw: { workload: { einsums: [{ tensor_accesses: [{}] }] } } },
  { path: ['workload', 'einsums', 0, 'renames', 0], raw: { workload: { einsums: [{ renames: [{}] }] } } },
  { path: ['renames'], raw: {} },
  { path: ['renames', 'einsums', 0], raw: { renames: { einsums: [{}] } } },
  { path: ['mapper'], raw: {} },
  { path: ['model'], raw: {} },
  { path: ['config'], raw: {} },
];

describe('schema field descriptions', () => {
  it('gives every field of every object a one-line description', () => {
    const missing: string[] = [];
    let count = 0;
    for (const { path, raw } of PROBES) {
      const fields = describeField(path, raw)?.fields ?? [];
      expect(fields.length, `fields at ${path.join('.')}`).toBeGreaterThan(0);
      for (const field of fields) {
        count++;
        if (!field.description || field.description.includes('\n')) missing.push(`${path.join('.')}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(150);
  });
});

describe('validateSpec options', () => {
  it('drops non-section top-level keys (anchor libraries) when asked', () => {
    const root: RawMap = { both_sliced: { actions_scale: 2 }, arch: { nodes: [] } };
    expect(validateSpec(root, new SourceIndex()).ok).toBe(false);
    const result = validateSpec(root, new SourceIndex(), { ignoreUnknownTopLevelKeys: true });
    expect(result.ok && result.value.arch.nodes).toEqual([]);
  });

  it('never throws, even for a root that is not a mapping', () => {
    const result = validateSpec([] as unknown as RawMap, new SourceIndex());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toBe('the spec must be a mapping, got a list');
  });
});
