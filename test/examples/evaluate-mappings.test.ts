/** Every mapping of the example library evaluates on the arch and workload it was written for. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../src/cli/node-file-system.js';
import { evaluateSpecMapping, formatSpecError } from '../../src/engine/index.js';
import { EXAMPLES_DIR, findExample, listExamples } from '../../src/examples/index.js';

const ROOT = join(import.meta.dirname, '../..');
const fs = new NodeFileSystem();
const pathOf = (relative: string): string => join(ROOT, EXAMPLES_DIR, relative);

const cases = listExamples('mapping')
  .filter((m) => m.arch !== undefined && m.workload !== undefined)
  .flatMap((mapping) =>
    mapping.presets.map((preset) => ({
      name: `${mapping.id} on ${mapping.arch} × ${mapping.workload} ${preset.key}`,
      files: [findExample(mapping.arch!)!.path, findExample(mapping.workload!)!.path, mapping.path].map(pathOf),
      variables: preset.values,
    })),
  );

describe('example mappings', () => {
  it('has the seven mappings of the library, six with a target design', () => {
    expect(listExamples('mapping')).toHaveLength(7);
    expect(new Set(cases.map((c) => c.name.split(' ')[0])).size).toBe(6);
  });

  it.each(cases)('$name evaluates', ({ files, variables }) => {
    const result = evaluateSpecMapping({ fs, specFiles: files, variables });
    if (!result.ok) expect(result.errors.map(formatSpecError)).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const json = result.value.result.toCliJson();
    expect(json.energy).toBeGreaterThan(0);
    expect(json.latency).toBeGreaterThan(0);
    const macs = json.actions.filter((a) => a.action === 'compute').reduce((s, a) => s + a.count, 0);
    expect(macs).toBe(result.value.prepared.evaluated.workload.einsums.reduce((s, e) => s + e.macs, 0));
  });

  it('rejects the illustration mapping on a real arch with a clear error', () => {
    const files = [findExample('simple')!.path, findExample('matvecs')!.path, findExample('simple_fused')!.path].map(pathOf);
    const result = evaluateSpecMapping({ fs, specFiles: files, variables: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.pos?.line).toBeGreaterThan(0);
    expect(result.errors[0]!.hint).toBeTruthy();
  });
});
