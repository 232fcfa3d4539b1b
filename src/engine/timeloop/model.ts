import type { Plain, PlainMap, SourceFile } from './source.js';

/** A YAML mapping and the file it came from (for report positions). */
export interface Located {
  src: SourceFile;
  node: PlainMap;
}

/** A storage or compute component, with inherited attributes resolved. */
export interface ComponentLevel {
  kind: 'storage' | 'compute';
  name: string;
  /** Accelergy class, with `class: storage|compute` already replaced by `subclass`. */
  cls: string;
  attrs: Map<string, Attr>;
  at: Located;
}

/** An attribute value and the mapping it was written in (containers pass theirs down). */
export interface Attr {
  value: Plain;
  at: Located;
}

/** A spatial fanout (a Timeloop mesh) between two components. */
export interface FanoutLevel {
  kind: 'fanout';
  name: string;
  meshX: number;
  meshY: number;
  /** Other names Timeloop directives may use for this fanout (v0.3 dummy levels). */
  aliases: string[];
  at: Located;
}

export type Level = ComponentLevel | FanoutLevel;

/** One Timeloop directive (mapping entry or constraint), after normalising its spelling. */
export interface Directive {
  target: string;
  type: 'temporal' | 'spatial' | 'dataspace' | 'utilization' | 'other';
  factors?: Plain;
  permutation?: Plain;
  split?: number;
  keep?: string[];
  bypass?: string[];
  /** `keep_only`: every tensor not in `keep` is bypassed. */
  keepOnly?: boolean;
  /** `bypass_only`: every tensor not in `bypass` is kept. */
  bypassOnly?: boolean;
  raw: PlainMap;
  src: SourceFile;
}

/** One dimension of the Timeloop problem. */
export interface ProblemDim {
  /** Timeloop name (upper case, e.g. `P`). */
  name: string;
  /** AccelForge rank variable (lower case). */
  variable: string;
  bound: number;
}

/** One data space, renamed for AccelForge. */
export interface ProblemTensor {
  timeloopName: string;
  name: string;
  /** Rank name → affine expression over rank variables. */
  ranks: { rank: string; expr: string }[];
  /** Every rank is a single variable with coefficient 1 (list projection form). */
  simple: boolean;
  output: boolean;
}

/** The converted problem. */
export interface Problem {
  einsum: string;
  dims: ProblemDim[];
  tensors: ProblemTensor[];
}

/** Map a Timeloop data-space name to its AccelForge tensor name. */
export function tensorName(problem: Problem, timeloopName: string): string | undefined {
  return problem.tensors.find((t) => t.timeloopName === timeloopName || t.name === timeloopName)?.name;
}

/** Tensors a level must keep and must bypass under its dataspace directives (AccelForge names). */
export function dataspaceChoice(problem: Problem, level: string, directives: readonly Directive[]): { keep: Set<string>; bypass: Set<string> } {
  const all = problem.tensors.map((t) => t.name);
  const keep = new Set<string>();
  const bypass = new Set<string>();
  const named = (list: string[] | undefined): string[] => (list ?? []).map((n) => tensorName(problem, n) ?? n);
  for (const d of directives) {
    if (d.type !== 'dataspace' || d.target !== level) continue;
    for (const t of named(d.keep)) keep.add(t);
    for (const t of named(d.bypass)) bypass.add(t);
    if (d.keepOnly) for (const t of all) if (!named(d.keep).includes(t)) bypass.add(t);
    if (d.bypassOnly) for (const t of all) if (!named(d.bypass).includes(t)) keep.add(t);
  }
  for (const t of keep) bypass.delete(t);
  return { keep, bypass };
}
