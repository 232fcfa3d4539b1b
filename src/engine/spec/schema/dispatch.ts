/**
 * Some fields are parsed by hand-written dispatch (an einsums item may be a string, a list or
 * one of two mappings). This registry tells the schema walker which schema a raw value at such
 * a field is checked against, so hints and editor hovers can still list the allowed fields.
 */
import type { z } from 'zod';

/** Picks the schema a raw value is validated with, or undefined when it has no fields. */
export type DispatchResolver = (raw: unknown) => z.ZodType | undefined;

const resolvers = new WeakMap<z.ZodType, DispatchResolver>();

export function registerDispatch<T extends z.ZodType>(schema: T, resolve: DispatchResolver): T {
  resolvers.set(schema, resolve);
  return schema;
}

export function dispatchOf(schema: z.ZodType): DispatchResolver | undefined {
  return resolvers.get(schema);
}
