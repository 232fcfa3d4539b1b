/** `check` on every arch × workload pair of AccelForge's own examples, where ../shared exists. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../src/cli/node-file-system.js';
import { checkSpec, formatSpecError } from '../../src/engine/index.js';
import { findExampleByPath } from '../../src/examples/index.js';

const REFERENCE = join(import.meta.dirname, '../../../shared/reference/accelforge/examples');
const fs = new NodeFileSystem();

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

/** Our catalogue describes the same files under the same relative paths; use its presets. */
function presetsFor(file: string): Record<string, unknown>[] {
  const example = findExampleByPath(relative(REFERENCE, file));
  if (!example || example.fragment || !('presets' in example)) return [];
  return example.presets.length > 0 ? example.presets.map((p) => ({ ...p.values })) : [{}];
}

const REJECTED = /Name '(weight|output)' is not defined/;
const available = existsSync(REFERENCE);

describe.skipIf(!available)('check on AccelForge reference example pairs', () => {
  const arches = available ? yamlFiles(join(REFERENCE, 'arches')).filter((f) => !f.includes('compute_in_memory')) : [];
  const workloads = available ? yamlFiles(join(REFERENCE, 'workloads')).filter((f) => !f.includes('compute_in_memory')) : [];
  const cases = arches.flatMap((arch) =>
    workloads.flatMap((workload) =>
      presetsFor(workload).map((variables) => ({
        name: `${relative(REFERENCE, arch)} × ${relative(REFERENCE, workload)} ${JSON.stringify(variables)}`,
        files: [arch, workload],
        variables,
      })),
    ),
  );

  it('finds the reference files', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('$name', ({ files, variables }) => {
    const result = checkSpec({ fs, specFiles: files, variables });
    const messages = result.errors.map(formatSpecError);
    if (messages.length === 1 && REJECTED.test(messages[0]!)) return;
    expect(messages).toEqual([]);
  });
});
