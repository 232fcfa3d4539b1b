import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../src/cli/node-file-system.js';
import { checkSpec, formatSpecError } from '../../src/engine/index.js';
import { EXAMPLES_DIR, listExamples } from '../../src/examples/index.js';

const ROOT = join(import.meta.dirname, '../..');
const fs = new NodeFileSystem();

const arches = listExamples('arch').filter((a) => !a.fragment);
const workloadPresets = listExamples('workload')
  .filter((w) => !w.fragment)
  .flatMap((w) => (w.presets.length > 0 ? w.presets : [{ key: '', label: '', values: {} }]).map((p) => ({ workload: w, preset: p })));

/**
 * Pairs AccelForge itself rejects: these arches name the renames `input`/`weight`/`output`,
 * which matvecs and mamba do not define. We must fail the same way, with a clear error.
 */
const REJECTED: Readonly<Record<string, RegExp>> = {
  'simba × matvecs': /Name 'output' is not defined/,
  'simba × mamba': /Name 'output' is not defined/,
  'nvdla × matvecs': /Name 'weight' is not defined/,
  'nvdla × mamba': /Name 'weight' is not defined/,
  'tpu_v4i × matvecs': /Name 'weight' is not defined/,
  'tpu_v4i × mamba': /Name 'weight' is not defined/,
};

const pairs = arches.flatMap((arch) =>
  workloadPresets.map(({ workload, preset }) => ({
    name: `${arch.id} × ${workload.id}${preset.key ? ` (${preset.key})` : ''}`,
    files: [arch.path, workload.path].map((p) => join(ROOT, EXAMPLES_DIR, p)),
    variables: preset.values,
  })),
);

describe('check on every arch × workload pair of the example library', () => {
  it('covers every arch and workload', () => {
    expect(arches.length).toBeGreaterThanOrEqual(11);
    expect(pairs.length).toBeGreaterThan(100);
  });

  it.each(pairs)('$name', ({ name, files, variables }) => {
    const result = checkSpec({ fs, specFiles: files, variables });
    const rejection = REJECTED[name];
    if (rejection) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.message).toMatch(rejection);
      expect(result.errors[0]!.pos?.line).toBeGreaterThan(0);
      return;
    }
    expect(result.errors.map(formatSpecError)).toEqual([]);
    expect(result.einsums.length).toBeGreaterThan(0);
    expect(result.archPaths.length).toBeGreaterThan(0);
  });
});
