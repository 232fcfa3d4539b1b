/**
 * Every example pair (and every example mapping with its design) loads through the CLI's confined
 * disk with nothing but the spec files' common folder allowed: no example reads outside it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../src/cli/node-file-system.js';
import { ConfinedFileSystem, designRoots } from '../../src/engine/io/confined-file-system.js';
import { formatSpecError } from '../../src/engine/index.js';
import { loadSpecFiles } from '../../src/engine/spec/load/index.js';
import { EXAMPLES_DIR, findExample, listExamples } from '../../src/examples/index.js';

const EXAMPLES = join(import.meta.dirname, '../..', EXAMPLES_DIR);

/** The disk as seen from `/`, so the working directory adds no folder (designRoots never implies `/`). */
class DiskFromRoot extends NodeFileSystem {
  override cwd(): string {
    return '/';
  }
}

const arches = listExamples('arch').filter((a) => !a.fragment);
const workloads = listExamples('workload').filter((w) => !w.fragment);
const pairs = arches.flatMap((arch) =>
  workloads.map((workload) => ({
    name: `${arch.id} × ${workload.id}`,
    files: [arch.path, workload.path].map((p) => join(EXAMPLES, p)),
    variables: workload.presets[0]?.values ?? {},
  })),
);
const mappings = listExamples('mapping')
  .filter((m) => m.arch !== undefined && m.workload !== undefined)
  .map((m) => ({
    name: `${m.id} mapping`,
    files: [findExample(m.arch!)!.path, findExample(m.workload!)!.path, m.path].map((p) => join(EXAMPLES, p)),
    variables: m.presets[0]?.values ?? {},
  }));

describe('the example library under the CLI confinement', () => {
  const disk = new DiskFromRoot();

  it('covers the library', () => {
    expect(pairs.length).toBeGreaterThan(100);
    expect(mappings.length).toBe(6);
  });

  it.each([...pairs, ...mappings])('$name loads', ({ files, variables }) => {
    const roots = designRoots(disk, files);
    expect(roots).toEqual([disk.realPath(EXAMPLES)]);
    const loaded = loadSpecFiles(files, { fs: new ConfinedFileSystem(disk, roots), jinjaData: { ...variables } });
    expect(loaded.ok ? [] : loaded.errors.map(formatSpecError)).toEqual([]);
  });
});
