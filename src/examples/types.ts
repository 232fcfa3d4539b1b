/** Types of the example catalogue (see index.ts). Plain data only, no file access. */

export type ExampleKind = 'arch' | 'workload' | 'mapping' | 'misc';

/** A Jinja value as passed with `--set` or from the UI. */
export type JinjaValue = number | boolean | string | { readonly [key: string]: JinjaValue };

/** One Jinja variable read by an example file (directly or through its includes). */
export interface JinjaVariable {
  readonly name: string;
  /** Must be supplied by the caller; loading fails without it. */
  readonly required: boolean;
  /** Only required in some situations, e.g. `DECODE is True`. */
  readonly requiredWhen?: string;
  /** Value used when the caller gives none (via `| default(...)`). */
  readonly default?: JinjaValue;
  /** Allowed values, when the file asserts on them. */
  readonly choices?: readonly JinjaValue[];
  readonly description: string;
}

/** A named set of Jinja values known to load. */
export interface ExamplePreset {
  /** `KEY=value` pairs sorted by key, values printed the Python way (`True`, `False`);
   * identical to the variable part of AccelForge's regression keys. */
  readonly key: string;
  readonly label: string;
  readonly values: Readonly<Record<string, JinjaValue>>;
}

interface ExampleBase {
  /** Unique across the catalogue: the file name without `.yaml`. */
  readonly id: string;
  /** Path relative to `src/examples`. */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly variables: readonly JinjaVariable[];
  /** Meant to be included by other files rather than loaded on its own. */
  readonly fragment: boolean;
  /** Jinja functions the caller must provide (standard Jinja lacks them). */
  readonly requiresFunctions?: readonly string[];
}

export interface ArchExample extends ExampleBase {
  readonly kind: 'arch';
}

export interface WorkloadExample extends ExampleBase {
  readonly kind: 'workload';
  readonly presets: readonly ExamplePreset[];
}

export interface MappingExample extends ExampleBase {
  readonly kind: 'mapping';
  /** Arch and workload ids this mapping is written for; absent for illustrations. */
  readonly arch?: string;
  readonly workload?: string;
  readonly presets: readonly ExamplePreset[];
}

export interface MiscExample extends ExampleBase {
  readonly kind: 'misc';
  readonly presets: readonly ExamplePreset[];
}

export type Example = ArchExample | WorkloadExample | MappingExample | MiscExample;

/** Narrow an example union by kind. */
export type ExampleOfKind<K extends ExampleKind> = Extract<Example, { kind: K }>;

/** One entry of AccelForge's tests/regression_reference.json. */
export interface RegressionCase {
  /** The reference JSON key, `arch|workload|preset|variant`. */
  readonly key: string;
  readonly arch: string;
  readonly workload: string;
  /** Preset key ('' when the workload needs no variables). */
  readonly preset: string;
  /** `unfused` forces `keep: All` on the first memory; `fused` leaves the arch as is. */
  readonly variant: 'fused' | 'unfused';
  /** What the mapper minimised: energy x delay, or energy alone. */
  readonly metric: 'edp' | 'energy';
}
