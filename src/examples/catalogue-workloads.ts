/** Catalogue entries for src/examples/workloads outside transformers/. */
import type { WorkloadExample } from './types.js';
import { NO_VARIABLES_PRESET, N_EINSUMS, optional, preset } from './variables.js';
import { TRANSFORMER_EXAMPLES } from './catalogue-transformers.js';

const BASIC_EXAMPLES: readonly WorkloadExample[] = [
  {
    kind: 'workload',
    id: '_renames_default',
    path: 'workloads/_renames_default.yaml',
    title: 'Default renames',
    description: 'Top-level `renames` giving every Einsum input/weight/output roles; pasted in with include_text.',
    variables: [],
    fragment: true,
    presets: [],
  },
  {
    kind: 'workload',
    id: 'matmuls',
    path: 'workloads/basic/matmuls.yaml',
    title: 'Chained matmuls',
    description: 'N_EINSUMS chained matrix products T{i+1} = T{i} x W{i}, M rows, KN columns.',
    variables: [
      N_EINSUMS,
      optional('M', 128, 'Rows of every T tensor.'),
      optional('KN', 128, 'Columns of every T tensor and both sides of every W.'),
    ],
    fragment: false,
    presets: [
      preset('2 matmuls, 64 x 64', { KN: 64, M: 64, N_EINSUMS: 2 }),
      preset('2 matmuls, default sizes', { N_EINSUMS: 2 }),
    ],
  },
  {
    kind: 'workload',
    id: 'matvecs',
    path: 'workloads/basic/matvecs.yaml',
    title: 'Two matvecs',
    description: 'Y = A x B then Z = Y x C with tiny ranks (4, 3, 4).',
    variables: [],
    fragment: false,
    presets: [NO_VARIABLES_PRESET],
  },
  {
    kind: 'workload',
    id: 'three_matmuls_annotated',
    path: 'workloads/basic/three_matmuls_annotated.yaml',
    title: 'Three matmuls (annotated)',
    description: 'Three chained 128 x 128 matmuls in the verbose form, with comments on each field.',
    variables: [],
    fragment: false,
    presets: [NO_VARIABLES_PRESET],
  },
  {
    kind: 'workload',
    id: 'mobilenet_28',
    path: 'workloads/cnns/mobilenet/mobilenet_28.yaml',
    title: 'MobileNet blocks, 28 x 28',
    description: 'Two inverted-bottleneck blocks (1x1 expand, 3x3 depthwise, 1x1 project) on a 28 x 28 map.',
    variables: [optional('BATCH_SIZE', 1, 'Images per batch.')],
    fragment: false,
    presets: [NO_VARIABLES_PRESET],
  },
];

export const WORKLOAD_EXAMPLES: readonly WorkloadExample[] = [...BASIC_EXAMPLES, ...TRANSFORMER_EXAMPLES];
