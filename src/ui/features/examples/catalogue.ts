/** The example catalogue (src/examples) as the gallery needs it: loadable, bundled, scalar values. */
import { listExamples, type Example, type JinjaValue } from '../../../examples/index.js';
import type { VariableValue } from '../../store/spec-slice.js';
import { BUNDLED_FILES } from './bundle.js';

export type ExampleKind = 'arch' | 'workload' | 'mapping';

export interface ExampleVariable {
  readonly name: string;
  readonly defaultValue: VariableValue | null;
  readonly required: boolean;
  readonly description: string;
}

export interface ExamplePreset {
  readonly name: string;
  readonly variables: Readonly<Record<string, VariableValue>>;
}

export interface ExampleEntry {
  readonly id: string;
  readonly kind: ExampleKind;
  /** Path relative to src/examples, a key of BUNDLED_FILES. */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly variables: readonly ExampleVariable[];
  readonly presets: readonly ExamplePreset[];
}

/** Dict-valued Jinja variables have no form field; the files' own defaults apply to them. */
function toScalar(value: JinjaValue | undefined): VariableValue | null {
  return value === undefined || typeof value === 'object' ? null : value;
}

function scalarRecord(values: Readonly<Record<string, JinjaValue>>): Record<string, VariableValue> {
  const out: Record<string, VariableValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const scalar = toScalar(value);
    if (scalar !== null) out[name] = scalar;
  }
  return out;
}

export function toEntry(example: Example, kind: ExampleKind): ExampleEntry {
  return {
    id: example.id,
    kind,
    path: example.path,
    title: example.title,
    description: example.description,
    variables: example.variables.map((v) => ({
      name: v.name,
      defaultValue: toScalar(v.default),
      required: v.required,
      description: v.requiredWhen ? `${v.description} Required when ${v.requiredWhen}.` : v.description,
    })),
    presets: 'presets' in example ? example.presets.map((p) => ({ name: p.label, variables: scalarRecord(p.values) })) : [],
  };
}

const KINDS: readonly ExampleKind[] = ['arch', 'workload', 'mapping'];

let cached: readonly ExampleEntry[] | null = null;

/** Loadable examples (no include-only fragments) whose file is bundled. */
export function getExamples(): readonly ExampleEntry[] {
  cached ??= KINDS.flatMap((kind) =>
    listExamples(kind)
      .filter((e) => !e.fragment && BUNDLED_FILES[e.path] !== undefined)
      .map((e) => toEntry(e, kind)),
  );
  return cached;
}

export function listExamplesOf(kind: ExampleKind): readonly ExampleEntry[] {
  return getExamples().filter((e) => e.kind === kind);
}

export function findExampleByPath(path: string): ExampleEntry | undefined {
  return getExamples().find((e) => e.path === path);
}

/**
 * Variables after swapping example `from` for `to`: the old example's values go, and the new
 * one's first preset fills what it needs, so a freshly picked example loads as it is.
 */
export function variablesAfterSwitch(
  current: Readonly<Record<string, VariableValue>>,
  from: ExampleEntry | undefined,
  to: ExampleEntry,
): Record<string, VariableValue> {
  const next: Record<string, VariableValue> = { ...current };
  for (const v of from?.variables ?? []) delete next[v.name];
  return { ...next, ...to.presets[0]?.variables };
}
