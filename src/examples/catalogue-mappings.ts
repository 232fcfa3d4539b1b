/** Catalogue entries for src/examples/mappings and src/examples/misc. */
import type { MappingExample, MiscExample } from './types.js';
import { NO_VARIABLES_PRESET, N_EINSUMS, optional, preset } from './variables.js';

const MATMUL_PRESETS = [preset('2 matmuls, 64 x 64', { KN: 64, M: 64, N_EINSUMS: 2 })];

function mapping(
  id: string,
  title: string,
  description: string,
  workload: 'matmuls' | 'matvecs',
): MappingExample {
  const forMatmuls = workload === 'matmuls';
  return {
    kind: 'mapping',
    id,
    path: `mappings/${id}.yaml`,
    title,
    description,
    arch: 'simple',
    workload,
    variables: forMatmuls ? [N_EINSUMS] : [],
    fragment: false,
    presets: forMatmuls ? MATMUL_PRESETS : [NO_VARIABLES_PRESET],
  };
}

export const MAPPING_EXAMPLES: readonly MappingExample[] = [
  mapping(
    'unfused_matmuls_to_simple',
    'Matmuls, unfused',
    'Every tensor backed by MainMemory; the Einsums run one after another.',
    'matmuls',
  ),
  mapping(
    'fused_matmuls_to_simple',
    'Matmuls, fused over m',
    'A row loop above all Einsums keeps each intermediate on chip one row at a time.',
    'matmuls',
  ),
  mapping(
    'unfused_matvecs_to_simple',
    'Matvecs, unfused',
    'Y is written to MainMemory and read back.',
    'matvecs',
  ),
  mapping(
    'fused_matvecs_to_simple_untiled',
    'Matvecs, fused, untiled',
    'Y stays in GlobalBuffer, held in full.',
    'matvecs',
  ),
  mapping(
    'fused_matvecs_to_simple_tiled',
    'Matvecs, fused, tiled',
    'A loop over ny above both Einsums; GlobalBuffer holds one Y value at a time.',
    'matvecs',
  ),
  mapping(
    'fused_matvecs_to_simple_tiled_reuse_A',
    'Matvecs, fused, tiled, A kept',
    'As the tiled mapping, with A loaded into GlobalBuffer once for all ny.',
    'matvecs',
  ),
  {
    kind: 'mapping',
    id: 'simple_fused',
    path: 'mappings/simple_fused.yaml',
    title: 'Mapping format illustration',
    description: 'Two fused Einsums on made-up components; for reading, matches no example arch.',
    variables: [],
    fragment: false,
    presets: [],
  },
];

export const MISC_EXAMPLES: readonly MiscExample[] = [
  {
    kind: 'misc',
    id: 'gpt3_6.7B_verbose_annotated',
    path: 'misc/gpt3_6.7B_verbose_annotated.yaml',
    title: 'GPT-3 6.7B layer, verbose (annotated)',
    description: 'The GPT-3 layer with every Einsum written out in the verbose form, 8-bit values.',
    variables: [
      optional('BATCH_SIZE', 1, 'Sequences per batch.'),
      optional('N_TOKENS', 8192, 'Tokens (both new and attended-to).'),
    ],
    fragment: false,
    presets: [NO_VARIABLES_PRESET],
  },
  {
    kind: 'misc',
    id: 'component_annotated',
    path: 'misc/component_annotated.yaml',
    title: 'One component (annotated)',
    description: 'A bare `!Memory` document explaining component fields; not a full spec.',
    variables: [],
    fragment: true,
    presets: [],
  },
];
