/** Jinja variables and presets shared by several example files. */
import type { ExamplePreset, JinjaValue, JinjaVariable } from './types.js';

function required(name: string, description: string): JinjaVariable {
  return { name, required: true, description };
}

function optional(name: string, fallback: JinjaValue, description: string): JinjaVariable {
  return { name, required: false, default: fallback, description };
}

/** Python's str() of a Jinja value, as used in AccelForge's regression keys. */
function pythonString(value: JinjaValue): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The canonical `KEY=value,...` form of a set of Jinja values (keys sorted). */
export function presetKey(values: Readonly<Record<string, JinjaValue>>): string {
  return Object.keys(values)
    .sort()
    .map((name) => `${name}=${pythonString(values[name] as JinjaValue)}`)
    .join(',');
}

/** Build a preset whose key is derived from its values. */
export function preset(label: string, values: Record<string, JinjaValue>): ExamplePreset {
  return { key: presetKey(values), label, values };
}

export const NO_VARIABLES_PRESET: ExamplePreset = preset('no variables needed', {});

/** Prefill of 2048 tokens and one decode step after 2047 cached tokens. */
export const PREFILL_PRESET = preset('prefill, 2048 tokens', {
  BATCH_SIZE: 1,
  DECODE: false,
  N_NEW_TOKENS: 2048,
});
export const DECODE_PRESET = preset('decode, 1 new token after 2047 cached', {
  BATCH_SIZE: 1,
  DECODE: true,
  N_CACHED_TOKENS: 2047,
  N_NEW_TOKENS: 1,
});
export const TRANSFORMER_PRESETS: readonly ExamplePreset[] = [PREFILL_PRESET, DECODE_PRESET];

/** Presets for files that additionally require ATTENTION_TYPE (Llama 4). */
export const LLAMA4_PRESETS: readonly ExamplePreset[] = TRANSFORMER_PRESETS.map((p) =>
  preset(`${p.label}, global attention`, { ...p.values, ATTENTION_TYPE: 'grouped_query' }),
);

export const N_EINSUMS = required('N_EINSUMS', 'Number of chained matrix products.');

/** Token and batch variables read by every transformer block. */
export const TOKEN_VARIABLES: readonly JinjaVariable[] = [
  required('BATCH_SIZE', 'Sequences processed together.'),
  required('DECODE', 'True for one decode step against a KV cache, False for prefill.'),
  required('N_NEW_TOKENS', 'Tokens processed in this step.'),
  {
    name: 'N_CACHED_TOKENS',
    required: false,
    requiredWhen: 'DECODE is True',
    description: 'Tokens already in the KV cache.',
  },
];

/** The cap on N_NEW_TOKENS (+ N_CACHED_TOKENS), checked only when defined. */
export function maxTokens(fallback?: number): JinjaVariable {
  const description = 'Context length; loading fails if the token counts exceed it.';
  return fallback === undefined
    ? { name: 'MAX_N_TOKENS', required: false, description: `${description} Unchecked if unset.` }
    : optional('MAX_N_TOKENS', fallback, description);
}

export const CHUNK_SIZE: JinjaVariable = {
  name: 'CHUNK_SIZE',
  required: false,
  requiredWhen: "ATTENTION_TYPE is 'chunked_local'",
  description: 'Maximum tokens per attention chunk.',
};

export const ATTENTION_TYPE: JinjaVariable = {
  name: 'ATTENTION_TYPE',
  required: true,
  choices: ['grouped_query', 'chunked_local'],
  description: 'Global grouped-query attention or chunked local attention.',
};

export function feedforwardType(fallback: 'moe' | 'dense'): JinjaVariable {
  return {
    name: 'FEEDFORWARD_TYPE',
    required: false,
    default: fallback,
    choices: ['moe', 'dense'],
    description: 'Mixture-of-experts or dense feed-forward block.',
  };
}

export const ABSORBED = optional('ABSORBED', true, 'Run latent attention in the absorbed form.');

/** Size variables normally set by the model file that includes a block. */
export const SIZE = {
  heads: required('N_HEADS', 'Attention heads (key/value heads for grouped-query attention).'),
  qPerKv: required('N_Q_HEADS_PER_KV_HEAD', 'Query heads sharing one key/value head.'),
  embPerHead: required('N_EMB_PER_HEAD', 'Per-head width of queries and keys.'),
  hidden: required('N_HIDDEN_DIMS', 'Model width.'),
  ff: required('N_FF_DIMS', 'Hidden width of the feed-forward block (per expert for MoE).'),
  sharedFf: required('N_SHARED_FF_DIMS', 'Hidden width of the shared expert.'),
  experts: required('N_EXPERTS', 'Routed experts.'),
  expertsPerToken: required('N_EXPERTS_PER_TOKEN', 'Experts each token is routed to.'),
  vDims: required('N_V_DIMS', 'Per-head width of values.'),
  qLatent: required('N_Q_LATENT', 'Width of the query latent.'),
  kvLatent: required('N_KV_LATENT', 'Width of the key/value latent.'),
} as const;

export { optional, required };
