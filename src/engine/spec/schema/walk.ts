/**
 * Walks the spec schema along a spec path (using the raw tree to pick tagged or dispatched
 * branches). Error hints use it to list supported fields; the editor uses `describeField`.
 */
import type { z } from 'zod';
import type { SpecPath } from '../../base/errors.js';
import { isRawMap, TAG_KEY } from '../raw.js';
import { dispatchOf } from './dispatch.js';
import { SpecSchema } from './spec.js';

/** The parts of zod's internal definitions the walker reads. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def;
}

const WRAPPERS: ReadonlySet<string> = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
]);

/** One step through a wrapper, pipe, lazy or dispatch; undefined when `schema` is a leaf. */
function unwrapOnce(schema: z.ZodType, raw: unknown): z.ZodType | undefined {
  const dispatch = dispatchOf(schema);
  if (dispatch) {
    const picked = dispatch(raw);
    return picked === schema ? undefined : picked;
  }
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return def.innerType;
  if (def.type === 'lazy') return def.getter?.();
  if (def.type === 'pipe') return def.in && defOf(def.in).type === 'transform' ? def.out : def.in;
  if (def.type === 'union') return pickOption(def, raw);
  return undefined;
}

function pickOption(def: Def, raw: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (def.discriminator) {
    const tag = isRawMap(raw) ? raw[def.discriminator] : undefined;
    return options.find((option) => tagsOf(option).includes(String(tag)));
  }
  // Plain unions such as `string | mapping`: prefer the structured option that fits the raw value.
  return options.find((option) => {
    const type = defOf(resolve(option, raw)).type;
    return (type === 'array' && Array.isArray(raw)) || ((type === 'object' || type === 'record') && isRawMap(raw));
  });
}

/** Follows wrappers down to the schema that actually checks `raw`. */
export function resolve(schema: z.ZodType, raw: unknown): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 50; guard++) {
    const next = unwrapOnce(current, raw);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Tags (`Memory`, ...) accepted by a discriminated union, or the single tag of one option. */
export function tagsOf(schema: z.ZodType): string[] {
  const resolved = resolve(schema, undefined);
  const def = defOf(resolved);
  if (def.type === 'union' && def.discriminator) return (def.options ?? []).flatMap(tagsOf);
  if (def.type !== 'object') return [];
  const tagField = def.shape?.[TAG_KEY];
  if (!tagField) return [];
  const values = defOf(resolve(tagField, undefined)).values ?? [];
  return values.filter((v): v is string => typeof v === 'string');
}

function childOf(schema: z.ZodType, key: string | number, raw: unknown): z.ZodType | undefined {
  const def = defOf(resolve(schema, raw));
  if (def.type === 'object') return typeof key === 'string' ? def.shape?.[key] : undefined;
  if (def.type === 'array') return typeof key === 'number' ? def.element : undefined;
  if (def.type === 'record') return def.valueType;
  return undefined;
}

function rawChild(raw: unknown, key: string | number): unknown {
  if (typeof raw !== 'object' || raw === null) return undefined;
  return (raw as Record<string | number, unknown>)[key];
}

/** The (unresolved) schema at `path`, choosing branches from the raw tree. */
export function schemaAt(path: SpecPath, rawRoot: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = SpecSchema;
  let raw = rawRoot;
  for (const key of path) {
    if (!schema) return undefined;
    schema = childOf(schema, key, raw);
    raw = rawChild(raw, key);
  }
  return schema;
}

/** The raw value at `path`, or undefined. */
export function rawAt(rawRoot: unknown, path: SpecPath): unknown {
  return path.reduce<unknown>((node, key) => rawChild(node, key), rawRoot);
}

/** First description found from the outside of a wrapper chain inwards. */
export function descriptionOf(schema: z.ZodType, raw: unknown): string | undefined {
  let current: z.ZodType | undefined = schema;
  for (let guard = 0; current && guard < 50; guard++) {
    if (current.description) return current.description;
    current = unwrapOnce(current, raw);
  }
  return undefined;
}

export interface FieldDoc {
  name: string;
  description?: string;
  required: boolean;
}

/** Allowed fields of the object schema that checks `raw` (the tag key excluded). */
export function fieldsOf(schema: z.ZodType, raw: unknown): FieldDoc[] {
  const def = defOf(resolve(schema, raw));
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape)
    .filter(([name]) => name !== TAG_KEY)
    .map(([name, field]) => {
      const description = descriptionOf(field, rawChild(raw, name));
      return { name, required: !field.safeParse(undefined).success, ...(description ? { description } : {}) };
    });
}

export interface FieldDescription {
  /** What the value at the path is. */
  description?: string;
  /** When the value is an object: the fields it accepts. */
  fields?: FieldDoc[];
  /** When the value is a tagged node, or a list of them: the tags allowed there. */
  tags?: string[];
}

/** Editor hover/completion data for a spec path such as ['arch', 'nodes', 0]. */
export function describeField(path: SpecPath, rawRoot?: unknown): FieldDescription | undefined {
  const schema = schemaAt(path, rawRoot);
  if (!schema) return undefined;
  const raw = rawAt(rawRoot, path);
  const description = descriptionOf(schema, raw);
  const fields = fieldsOf(schema, raw);
  const listed = defOf(resolve(schema, raw));
  const tags = tagsOf(listed.type === 'array' && listed.element ? listed.element : unionOf(schema));
  return {
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/** The discriminated union a tagged value is checked against (without picking an option). */
function unionOf(schema: z.ZodType): z.ZodType {
  let current: z.ZodType | undefined = schema;
  for (let guard = 0; current && guard < 50; guard++) {
    const def = defOf(current);
    if (def.type === 'union' && def.discriminator) return current;
    current = unwrapOnce(current, undefined);
  }
  return schema;
}
