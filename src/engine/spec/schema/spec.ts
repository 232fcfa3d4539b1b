/** The top-level `Spec` (docs/spec-format.md §3): every section optional, unknown keys rejected. */
import { z } from 'zod';
import { ArchSchema } from './arch.js';
import { openDict } from './common.js';
import { MapperSchema } from './mapper.js';
import { MappingSchema } from './mapping.js';
import { ConfigSchema, ModelSchema } from './model-config.js';
import { RenamesSchema } from './renames.js';
import { WorkloadSchema } from './workload.js';

/** A whole spec: typed, defaulted and normalised, with expressions still unevaluated. */
export const SpecSchema = z.strictObject({
  arch: ArchSchema.prefault({}).describe('The hardware: a tree of memories, compute units and fanouts'),
  workload: WorkloadSchema.prefault({}).describe('The Einsums to run and their rank sizes'),
  renames: RenamesSchema.prefault({}).describe(
    'Default symbol aliases (`input`, `output`, `weight`) for every Einsum',
  ),
  variables: openDict().describe('Spec variables, evaluated once and visible to every expression'),
  mapping: MappingSchema.prefault({}).describe('A LoopTree mapping; leave empty to let the mapper search'),
  mapper: MapperSchema.prefault({}).describe('Settings of the FFM mapper'),
  model: ModelSchema.prefault({}).describe('Settings of the analytical model'),
  config: ConfigSchema.prefault({}).describe('Tool configuration'),
});
export type Spec = z.output<typeof SpecSchema>;
