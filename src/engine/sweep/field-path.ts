/**
 * Field paths into the raw spec tree: `arch.nodes[name=GlobalBuffer].size`, `arch.nodes[1].size`,
 * `variables.x`. `[key=value]` picks the element of a list whose field `key` equals `value`.
 */
import { failWith, type SpecPath } from '../base/errors.js';
import { isRawMap, type RawMap, type RawValue } from '../spec/raw.js';

export type FieldStep =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'match'; readonly field: string; readonly value: string };

const STEP = /^([^.[\]]+)|^\.([^.[\]]+)|^\[(\d+)\]|^\[([^=\]]+)=([^\]]*)\]/;

/** Parses a dotted field path; throws a SpecError on bad syntax. */
export function parseFieldPath(text: string): FieldStep[] {
  const steps: FieldStep[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const m = STEP.exec(rest);
    if (!m || (m[1] !== undefined && steps.length > 0)) failPath(text, `cannot read '${rest}'`);
    if (m[1] !== undefined || m[2] !== undefined) steps.push({ kind: 'key', key: (m[1] ?? m[2])!.trim() });
    else if (m[3] !== undefined) steps.push({ kind: 'index', index: Number(m[3]) });
    else steps.push({ kind: 'match', field: m[4]!.trim(), value: m[5]!.trim() });
    rest = rest.slice(m[0].length);
  }
  if (steps.length < 2 || steps[steps.length - 1]!.kind !== 'key') failPath(text, 'a field path must end in a field name');
  return steps;
}

/** Sets the field at `steps` in a raw tree (in place) and returns its concrete spec path. */
export function setField(root: RawMap, steps: readonly FieldStep[], value: RawValue, text: string): SpecPath {
  const path: (string | number)[] = [];
  let node: RawValue = root;
  for (const step of steps.slice(0, -1)) {
    const key = childKey(node, step, text, path);
    path.push(key);
    node = (node as Record<string | number, RawValue>)[key]!;
  }
  const last = steps[steps.length - 1] as { key: string };
  if (!isRawMap(node)) failPath(text, `${formatPath(path)} is not a mapping`, path);
  node[last.key] = value;
  return [...path, last.key];
}

function childKey(node: RawValue, step: FieldStep, text: string, path: SpecPath): string | number {
  if (step.kind === 'key') {
    if (!isRawMap(node) || !Object.hasOwn(node, step.key)) failPath(text, `no field '${step.key}' at ${formatPath(path)}`, path);
    return step.key;
  }
  if (!Array.isArray(node)) failPath(text, `${formatPath(path)} is not a list`, path);
  if (step.kind === 'index') {
    if (step.index >= node.length) failPath(text, `${formatPath(path)} has only ${node.length} entries`, path);
    return step.index;
  }
  const found = node.findIndex((item) => isRawMap(item) && String(item[step.field]) === step.value);
  if (found < 0) {
    const names = node.map((item) => (isRawMap(item) ? String(item[step.field]) : '?')).join(', ');
    failPath(text, `no entry with ${step.field}=${step.value} in ${formatPath(path)} (has: ${names})`, path);
  }
  return found;
}

function formatPath(path: SpecPath): string {
  if (path.length === 0) return 'the top level';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function failPath(text: string, why: string, path: SpecPath = []): never {
  return failWith('schema', `bad sweep field path '${text}': ${why}`, {
    path,
    hint: "Write a field path like arch.nodes[name=GlobalBuffer].size or arch.nodes[1].size.",
  });
}
