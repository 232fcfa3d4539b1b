/**
 * Typed catalogue of the bundled example specs (arches, workloads, mappings, misc).
 * Paths are relative to src/examples; this module never touches the files.
 */
import { ARCH_EXAMPLES } from './catalogue-arches.js';
import { MAPPING_EXAMPLES, MISC_EXAMPLES } from './catalogue-mappings.js';
import { WORKLOAD_EXAMPLES } from './catalogue-workloads.js';
import type { Example, ExampleKind, ExampleOfKind, ExamplePreset, MappingExample } from './types.js';

export type {
  ArchExample,
  Example,
  ExampleKind,
  ExampleOfKind,
  ExamplePreset,
  JinjaValue,
  JinjaVariable,
  MappingExample,
  MiscExample,
  RegressionCase,
  WorkloadExample,
} from './types.js';
export { REGRESSION_CASES } from './regression-cases.js';
export { presetKey } from './variables.js';

/** Folder of the example files, relative to the repository root. */
export const EXAMPLES_DIR = 'src/examples';

/** Every example, in catalogue order: arches, workloads, mappings, misc. */
export const EXAMPLES: readonly Example[] = [
  ...ARCH_EXAMPLES,
  ...WORKLOAD_EXAMPLES,
  ...MAPPING_EXAMPLES,
  ...MISC_EXAMPLES,
];

const BY_ID: ReadonlyMap<string, Example> = new Map(EXAMPLES.map((e) => [e.id, e]));

/** All examples of one kind (or all examples when no kind is given). */
export function listExamples(): readonly Example[];
export function listExamples<K extends ExampleKind>(kind: K): readonly ExampleOfKind<K>[];
export function listExamples(kind?: ExampleKind): readonly Example[] {
  return kind === undefined ? EXAMPLES : EXAMPLES.filter((e) => e.kind === kind);
}

/** The example with this id (file name without `.yaml`), if any. */
export function findExample(id: string): Example | undefined {
  return BY_ID.get(id);
}

/** The example whose path (relative to src/examples) is `path`, if any. */
export function findExampleByPath(path: string): Example | undefined {
  const relative = path.startsWith(`${EXAMPLES_DIR}/`) ? path.slice(EXAMPLES_DIR.length + 1) : path;
  return EXAMPLES.find((e) => e.path === relative);
}

/** Mappings written for this arch and workload pair. */
export function mappingsFor(archId: string, workloadId: string): readonly MappingExample[] {
  return listExamples('mapping').filter((m) => m.arch === archId && m.workload === workloadId);
}

/** A preset of an example by its key, e.g. `KN=64,M=64,N_EINSUMS=2`. */
export function findPreset(example: Example, key: string): ExamplePreset | undefined {
  return 'presets' in example ? example.presets.find((p) => p.key === key) : undefined;
}
