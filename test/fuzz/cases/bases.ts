/**
 * Base designs from the example library that the corpus mutates. Each file keeps its library
 * name's last part so errors read like the user's own files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../../..');
const EXAMPLES = join(REPO, 'src/examples');
/** Timeloop inputs for the converter: a v0.4 design and AccelForge's default problem. */
const TIMELOOP = 'test/fixtures/timeloop';

export interface BaseDesign {
  /** Spec files in order: short name → path under src/examples. */
  readonly files: Readonly<Record<string, string>>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Whether a `mapping:` is among the files, so `evaluate` can run. */
  readonly hasMapping: boolean;
}

export const BASES: Readonly<Record<string, BaseDesign>> = {
  /** Hand-checkable: every action costs 1; two chained matmuls, unfused mapping. */
  simple: {
    files: {
      'arch.yaml': 'arches/simple.yaml',
      'workload.yaml': 'workloads/basic/matmuls.yaml',
      'mapping.yaml': 'mappings/unfused_matmuls_to_simple.yaml',
    },
    variables: { N_EINSUMS: 2, M: 4, KN: 4 },
    hasMapping: true,
  },
  /** The same without its mapping, for edits that rename Einsums (a mapping must name each one). */
  'simple-unmapped': {
    files: { 'arch.yaml': 'arches/simple.yaml', 'workload.yaml': 'workloads/basic/matmuls.yaml' },
    variables: { N_EINSUMS: 2, M: 4, KN: 4 },
    hasMapping: false,
  },
  /** Timeloop v0.4 files for `convert` (paths from the repository root). */
  timeloop: {
    files: {
      'arch.yaml': `${TIMELOOP}/v4/workspace/example_designs/example_designs/simple_weight_stationary/arch.yaml`,
      'problem.yaml': `${TIMELOOP}/v4-2ffec69/workspace/example_designs/example_designs/_include/default_problem.yaml`,
    },
    variables: {},
    hasMapping: false,
  },
  /** Explicit energies, spatial fanouts and a Container. */
  nvdla: {
    files: { 'arch.yaml': 'arches/nvdla.yaml', 'workload.yaml': 'workloads/basic/matmuls.yaml' },
    variables: { N_EINSUMS: 1, M: 64, KN: 64 },
    hasMapping: false,
  },
  /** Component models (no explicit energies) and per-PE scratchpads. */
  eyeriss: {
    files: { 'arch.yaml': 'arches/eyeriss.yaml', 'workload.yaml': 'workloads/basic/matmuls.yaml' },
    variables: { N_EINSUMS: 1, M: 64, KN: 64 },
    hasMapping: false,
  },
};

const cache = new Map<string, string>();

/** The text of an example file (read once); paths under `test/` are from the repository root. */
export function exampleText(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(path.startsWith('test/') ? join(REPO, path) : join(EXAMPLES, path), 'utf8');
    cache.set(path, text);
  }
  return text;
}
