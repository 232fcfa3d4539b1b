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
 * which matvecs and mamba do not define, or constrain a rank variable `m` the workload lacks.
 * We must fail the same way, with a clear error, already in `check` (the mapper would).
 */
const RENAME_MISSING = /Name '(input|weight|output)' is not defined/;
const RANK_VARIABLE_M_MISSING = /Name 'm' is not defined/;
const REJECTED: Readonly<Record<string, RegExp>> = {
  'simba × matvecs': RENAME_MISSING,
  'simba × mamba': RENAME_MISSING,
  'nvdla × matvecs': RENAME_MISSING,
  'nvdla × mamba': RENAME_MISSING,
  'tpu_v4i × matvecs': RENAME_MISSING,
  'tpu_v4i × mamba': RENAME_MISSING,
  'eyeriss × matvecs': RENAME_MISSING,
  'eyeriss × mamba': RENAME_MISSING,
  'at_mac_with_constraints × matvecs': RANK_VARIABLE_M_MISSING,
  'at_mac_with_constraints × mobilenet_28': RANK_VARIABLE_M_MISSING,
  'at_mac_with_constraints × mamba': RANK_VARIABLE_M_MISSING,
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
