/**
 * Model selection: find the models that answer to a component class and have what they
 * need, order them (priority first, then how well they fit the given attributes), and use
 * the first one that succeeds. Every step is written to the modeling log.
 */
import type { ComponentModelDefinition } from './model-definition.js';
import type { ModelInstance } from './model-instance.js';
import type { ComponentModelRegistry } from './registry.js';
import type { AttributeValue, Attributes } from './types.js';

/** What the caller wants a model for. */
export interface ModelQuery {
  readonly componentClass: string;
  readonly attributes: Attributes;
  /** The action to cost, with its arguments; absent for area/leak queries. */
  readonly action?: { readonly name: string; readonly args: Attributes };
  /** Actions the model must implement (AccelForge passes all of the component's actions). */
  readonly requiredActions?: readonly string[];
}

/** The first model that worked, what it produced, and the log of how it was chosen. */
export interface Selection<T> {
  readonly model: ComponentModelDefinition;
  readonly value: T;
  readonly log: readonly string[];
}

/** No model could answer a query; `log` says why each one was passed over. */
export class NoModelError extends Error {
  constructor(
    message: string,
    readonly log: readonly string[],
    /** True when no model answers to the class at all (likely a misspelling). */
    readonly unknownClass: boolean,
  ) {
    super(message);
    this.name = 'NoModelError';
  }
}

const CONTROL_ATTRIBUTES = new Set(['model', 'min_priority']);

/** Drop nulls/undefined (they mean "not given") and the selection-control attributes. */
export function presentAttributes(attrs: Attributes): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && !CONTROL_ATTRIBUTES.has(k)) out[k] = v;
  return out;
}

function actionParams(model: ComponentModelDefinition, action: string): readonly string[] {
  const sig = model.actions[action];
  if (!sig) return [];
  return sig.bitsPerAction === undefined ? (sig.params ?? []) : [...(sig.params ?? []), 'bits_per_action'];
}

function whyNotCandidate(model: ComponentModelDefinition, query: ModelQuery, attrs: Attributes): string | undefined {
  const missing = model.params.filter((p) => p.required && !(p.name in attrs)).map((p) => p.name);
  if (missing.length > 0) return `missing required attribute(s) ${missing.join(', ')}`;
  const needed = [...(query.requiredActions ?? []), ...(query.action ? [query.action.name] : [])];
  const lacking = needed.filter((a) => !(a in model.actions));
  if (lacking.length > 0) return `no action(s) ${[...new Set(lacking)].join(', ')}`;
  const forced = query.attributes['model'];
  if (typeof forced === 'string' && forced.toLowerCase() !== model.id.toLowerCase()) {
    return `attribute model: ${forced} asks for another model`;
  }
  const minPriority = query.attributes['min_priority'];
  if (typeof minPriority === 'number' && model.priority < minPriority) {
    return `priority ${model.priority} < min_priority ${minPriority}`;
  }
  return undefined;
}

/** Sort key: higher priority, more matched arguments, fewer defaulted parameters, then id. */
function fitKey(model: ComponentModelDefinition, query: ModelQuery, attrs: Attributes): number[] {
  const args = query.action ? presentAttributes(query.action.args) : {};
  const aParams = query.action ? actionParams(model, query.action.name) : [];
  const iParams = model.params.map((p) => p.name);
  return [
    -model.priority,
    -aParams.filter((p) => p in args).length,
    -iParams.filter((p) => p in attrs).length,
    aParams.filter((p) => !(p in args)).length,
    model.params.filter((p) => !p.required && !(p.name in attrs)).length,
  ];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

function formatAttributes(attrs: Attributes): string {
  return `{${Object.entries(attrs).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`;
}

/** Pick a model for `query` and apply `use` to its instance; the first model that does not throw wins. */
export function selectModel<T>(
  registry: ComponentModelRegistry,
  query: ModelQuery,
  use: (inst: ModelInstance) => T,
): Selection<T> {
  const attrs = presentAttributes(query.attributes);
  const log: string[] = [];
  const candidates: ComponentModelDefinition[] = [];
  for (const model of registry.modelsForClass(query.componentClass)) {
    const reason = whyNotCandidate(model, query, attrs);
    if (reason) log.push(`not a candidate: ${model.id} (${reason})`);
    else candidates.push(model);
  }
  const keyed = candidates.map((m) => ({ m, key: fitKey(m, query, attrs) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0));
  for (const { m } of keyed) {
    try {
      const inst = m.create(attrs);
      const value = use(inst);
      log.push(...describeChoice(m, query, attrs, inst));
      return { model: m, value, log };
    } catch (error) {
      log.push(`skipped ${m.id} (priority ${m.priority}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const what = query.action ? `action '${query.action.name}'` : 'area/leak power';
  const unknownClass = registry.modelsForClass(query.componentClass).length === 0;
  throw new NoModelError(noModelMessage(query.componentClass, what, unknownClass, log), log, unknownClass);
}

function describeChoice(m: ComponentModelDefinition, query: ModelQuery, attrs: Attributes, inst: ModelInstance): string[] {
  const accepted = new Set(m.params.map((p) => p.name));
  const used = Object.fromEntries(Object.entries(attrs).filter(([k]) => accepted.has(k)));
  const ignored = Object.keys(attrs).filter((k) => !accepted.has(k));
  const lines = [
    `using ${m.id} (priority ${m.priority}) for class '${query.componentClass}' with ${formatAttributes(used)}`,
  ];
  if (query.action) {
    const params = new Set(actionParams(m, query.action.name));
    const args = presentAttributes(query.action.args);
    const usedArgs = Object.fromEntries(Object.entries(args).filter(([k]) => params.has(k)));
    if (Object.keys(usedArgs).length > 0) lines.push(`${m.id}.${query.action.name} arguments ${formatAttributes(usedArgs)}`);
  }
  if (ignored.length > 0) lines.push(`${m.id} ignores attribute(s): ${ignored.join(', ')}`);
  lines.push(...inst.allNotes().map((n) => `${m.id}: ${n}`));
  return lines;
}

function noModelMessage(componentClass: string, what: string, unknownClass: boolean, log: readonly string[]): string {
  if (unknownClass) {
    return `no component model answers to component_class '${componentClass}'`;
  }
  return `no component model for '${componentClass}' could compute ${what}: ${log.join('; ')}`;
}
