/**
 * The engine's task-level API: what the CLI and the worker call. Inputs and outputs are plain,
 * structured-cloneable data so they cross a worker boundary unchanged.
 */
import type { SpecError } from './base/errors.js';

/** A design as the user edits it: named files plus the Jinja variables. */
export interface DesignFiles {
  /** Files by path, e.g. 'arch.yaml' → text. Paths are resolved inside an in-memory file system. */
  readonly files: Readonly<Record<string, string>>;
  /** Which files make up the spec, in order (the first file that defines a top-level key wins). */
  readonly specFiles: readonly string[];
  /** Jinja variables (`--set KEY=VALUE` on the CLI). */
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface EinsumSummary {
  readonly name: string;
  readonly rankVariableBounds: Readonly<Record<string, number>>;
  readonly tensorSizes: Readonly<Record<string, number>>;
  readonly macs: number;
}

export interface ArchPathSummary {
  readonly einsum: string;
  readonly compute: string;
  readonly nodes: readonly { name: string; kind: string; fanout: number }[];
}

export interface CheckResult {
  readonly errors: readonly SpecError[];
  readonly einsums: readonly EinsumSummary[];
  readonly archPaths: readonly ArchPathSummary[];
}
