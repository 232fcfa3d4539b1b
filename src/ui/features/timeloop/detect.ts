/** Whether a YAML file is a Timeloop input (so a drop converts it rather than loading it). */

/** Top-level sections only Timeloop inputs have. */
const TIMELOOP_SECTIONS = /^(architecture|problem|ERT|ART|compound_components|architecture_constraints|mapspace_constraints)\s*:/m;

/** Timeloop mappings are lists of `target:` / `factors:` directives; AccelForge's are `nodes:` trees. */
function isTimeloopMapping(text: string): boolean {
  return /^mapping\s*:/m.test(text) && /^\s*-?\s*target\s*:/m.test(text) && /^\s*(factors|permutation|type)\s*:/m.test(text);
}

/** Timeloop v0.3 architectures nest levels under `subtree:` and `local:`. */
function isTimeloopV3Arch(text: string): boolean {
  return /^arch\s*:/m.test(text) && /^\s*-?\s*(subtree|local)\s*:/m.test(text);
}

/** Timeloop constraint files list `target:` directives under `constraints:` / `targets:`. */
function isTimeloopConstraints(text: string): boolean {
  return /^(constraints|mapspace)\s*:/m.test(text) && /^\s*-?\s*target\s*:/m.test(text);
}

export function looksLikeTimeloop(text: string): boolean {
  return TIMELOOP_SECTIONS.test(text) || isTimeloopMapping(text) || isTimeloopV3Arch(text) || isTimeloopConstraints(text);
}
