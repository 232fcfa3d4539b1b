/** Catalogue entries for src/examples/workloads/transformers. */
import type { JinjaVariable, WorkloadExample } from './types.js';
import {
  ABSORBED,
  ATTENTION_TYPE,
  CHUNK_SIZE,
  LLAMA4_PRESETS,
  NO_VARIABLES_PRESET,
  SIZE,
  TOKEN_VARIABLES,
  TRANSFORMER_PRESETS,
  feedforwardType,
  maxTokens,
  optional,
} from './variables.js';

const DIR = 'workloads/transformers';

interface Entry {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly variables: readonly JinjaVariable[];
  readonly fragment?: boolean;
  readonly presets?: WorkloadExample['presets'];
  readonly requiresFunctions?: readonly string[];
}

function entry(e: Entry): WorkloadExample {
  const base: WorkloadExample = {
    kind: 'workload',
    id: e.id,
    path: `${DIR}/${e.file}`,
    title: e.title,
    description: e.description,
    variables: e.variables,
    fragment: e.fragment ?? false,
    presets: e.presets ?? (e.fragment ? [] : TRANSFORMER_PRESETS),
  };
  return e.requiresFunctions ? { ...base, requiresFunctions: e.requiresFunctions } : base;
}

const MHA = [...TOKEN_VARIABLES, SIZE.heads, SIZE.embPerHead, SIZE.hidden, maxTokens()];
const GQA = [...MHA, SIZE.qPerKv];
const GQA_CHUNKED = [...TOKEN_VARIABLES, SIZE.heads, SIZE.qPerKv, SIZE.embPerHead, SIZE.hidden, CHUNK_SIZE];
const MLA = [...MHA, SIZE.vDims, SIZE.qLatent, SIZE.kvLatent, ABSORBED];
const FF_TOKENS = TOKEN_VARIABLES.filter((v) => v.name === 'BATCH_SIZE' || v.name === 'N_NEW_TOKENS');
const DENSE = [...FF_TOKENS, SIZE.hidden, SIZE.ff];
const MOE = [...DENSE, SIZE.experts, SIZE.expertsPerToken];
const MOE_SHARED = [...MOE, SIZE.sharedFf];

/** Variables of a complete model file: tokens, an optional context cap and extras. */
function modelVariables(maxDefault: number, ...extra: JinjaVariable[]): readonly JinjaVariable[] {
  return [...TOKEN_VARIABLES, ...extra, maxTokens(maxDefault)];
}

const BLOCKS: readonly WorkloadExample[] = [
  entry({
    id: '_max_tokens_assert', file: '_attention_decode_types/_max_tokens_assert.yaml',
    title: 'Token-count check', fragment: true, variables: [...TOKEN_VARIABLES.slice(1), maxTokens()],
    description: 'Jinja-only assertion that the token counts fit MAX_N_TOKENS; renders to nothing.',
  }),
  entry({
    id: 'multi_head', file: '_attention_decode_types/multi_head.yaml', title: 'Multi-head attention',
    fragment: true, variables: MHA,
    description: 'Q/K/V projections, scores, softmax, AV and output projection with one K/V per head.',
  }),
  entry({
    id: 'grouped_query', file: '_attention_decode_types/grouped_query.yaml', title: 'Grouped-query attention',
    fragment: true, variables: GQA,
    description: 'Attention where several query heads share each key/value head.',
  }),
  entry({
    id: 'grouped_query_chunked', file: '_attention_decode_types/grouped_query_chunked.yaml',
    title: 'Chunked grouped-query attention', fragment: true, variables: GQA_CHUNKED,
    requiresFunctions: ['max', 'ceil'],
    description: 'Grouped-query attention restricted to equal chunks of at most CHUNK_SIZE tokens.',
  }),
  entry({
    id: 'multi_head_latent', file: '_attention_decode_types/multi_head_latent.yaml',
    title: 'Multi-head latent attention', fragment: true, variables: MLA,
    description: 'DeepSeek-style attention over compressed query and key/value latents, absorbed or not.',
  }),
  entry({
    id: 'dense_two_layer', file: '_feedforward_types/dense_two_layer.yaml', title: 'Two-layer MLP',
    fragment: true, variables: DENSE, description: 'Widen to N_FF_DIMS, then narrow back.',
  }),
  entry({
    id: 'gated_linear_unit', file: '_feedforward_types/gated_linear_unit.yaml', title: 'Gated linear unit MLP',
    fragment: true, variables: DENSE, description: 'down(gate(x) * up(x)), activation omitted.',
  }),
  entry({
    id: 'mixture_of_experts', file: '_feedforward_types/mixture_of_experts.yaml', title: 'Mixture of experts',
    fragment: true, variables: MOE, description: 'GLU experts with tokens spread evenly over the active experts.',
  }),
  entry({
    id: 'mixture_of_experts_shared', file: '_feedforward_types/mixture_of_experts_shared.yaml',
    title: 'Mixture of experts with a shared expert', fragment: true, variables: MOE_SHARED,
    description: 'Routed GLU experts plus an always-active shared GLU expert.',
  }),
];

const LLAMA4_VARIABLES = [ATTENTION_TYPE, CHUNK_SIZE];

const MODELS: readonly WorkloadExample[] = [
  entry({
    id: '_gpt3', file: 'gpt/_gpt3.yaml', title: 'GPT-3 layer template', fragment: true,
    variables: [...MHA, SIZE.ff], description: 'Multi-head attention + two-layer MLP, 16-bit values.',
  }),
  entry({
    id: 'gpt3_6.7B', file: 'gpt/gpt3_6.7B.yaml', title: 'GPT-3 6.7B', variables: modelVariables(2048),
    description: 'One decoder layer: 32 heads of 128, width 4096, MLP 16384.',
  }),
  entry({
    id: 'gpt3_175B', file: 'gpt/gpt3_175B.yaml', title: 'GPT-3 175B', variables: modelVariables(2048),
    description: 'One decoder layer: 96 heads of 128, width 12288, MLP 49152.',
  }),
  entry({
    id: '_llama3', file: 'llama/_llama3.yaml', title: 'Llama 3 layer template', fragment: true,
    variables: [...GQA, SIZE.ff], description: 'Grouped-query attention + GLU MLP, 16-bit values.',
  }),
  entry({
    id: 'llama3_8B', file: 'llama/llama3_8B.yaml', title: 'Llama 3 8B', variables: modelVariables(8192),
    description: 'One decoder layer: 8 KV heads x 4 query heads, width 4096, MLP 14336.',
  }),
  entry({
    id: '_llama4', file: 'llama/_llama4.yaml', title: 'Llama 4 layer template', fragment: true,
    variables: [...GQA, CHUNK_SIZE, SIZE.ff, SIZE.sharedFf, SIZE.experts, SIZE.expertsPerToken,
      ATTENTION_TYPE, feedforwardType('moe')],
    requiresFunctions: ['max', 'ceil'],
    description: 'Global or chunked grouped-query attention + shared-expert MoE or GLU, 16-bit values.',
  }),
  entry({
    id: 'llama4_maverick', file: 'llama/llama4_maverick.yaml', title: 'Llama 4 Maverick',
    variables: modelVariables(10485760, ...LLAMA4_VARIABLES, feedforwardType('moe')),
    presets: LLAMA4_PRESETS, requiresFunctions: ['max', 'ceil'],
    description: 'One decoder layer: 128 experts (1 per token) + shared expert, or a dense MLP.',
  }),
  entry({
    id: 'llama4_scout', file: 'llama/llama4_scout.yaml', title: 'Llama 4 Scout',
    variables: modelVariables(10485760, ...LLAMA4_VARIABLES),
    presets: LLAMA4_PRESETS, requiresFunctions: ['max', 'ceil'],
    description: 'One decoder layer: 16 experts (1 per token) + shared expert.',
  }),
  entry({
    id: '_mixtral8x22B', file: 'mixtral/_mixtral8x22B.yaml', title: 'Mixtral layer template', fragment: true,
    variables: [...GQA, SIZE.ff, SIZE.experts, SIZE.expertsPerToken],
    description: 'Grouped-query attention + mixture of GLU experts, 16-bit values.',
  }),
  entry({
    id: 'mixtral8x22B', file: 'mixtral/mixtral8x22B.yaml', title: 'Mixtral 8x22B', variables: modelVariables(65536),
    description: 'One decoder layer: 8 experts, 2 per token, width 6144.',
  }),
  entry({
    id: '_qwen3', file: 'qwen/_qwen3.yaml', title: 'Qwen3 layer template', fragment: true,
    variables: [...GQA, SIZE.ff, SIZE.experts, SIZE.expertsPerToken, feedforwardType('dense')],
    description: 'Grouped-query attention + GLU or mixture of experts, 16-bit values.',
  }),
  entry({
    id: 'qwen3_8B', file: 'qwen/qwen3_8B.yaml', title: 'Qwen3 8B', variables: modelVariables(40960),
    description: 'One dense decoder layer: 8 KV heads x 4 query heads, width 4096, MLP 12288.',
  }),
  entry({
    id: 'qwen3_30B_A3B', file: 'qwen/qwen3_30B_A3B.yaml', title: 'Qwen3 30B-A3B', variables: modelVariables(40960),
    description: 'One MoE decoder layer: 128 experts, 8 per token, width 2048.',
  }),
  entry({
    id: '_deepseek_v3', file: 'deepseek/_deepseek_v3.yaml', title: 'DeepSeek-V3 layer template', fragment: true,
    variables: [...MLA, SIZE.ff, SIZE.sharedFf, SIZE.experts, SIZE.expertsPerToken, feedforwardType('moe')],
    description: 'Latent attention + shared-expert MoE or GLU; mixed 16/8-bit values.',
  }),
  entry({
    id: 'deepseek_v3_671B', file: 'deepseek/deepseek_v3_671B.yaml', title: 'DeepSeek-V3 671B',
    variables: modelVariables(163840, feedforwardType('moe'), ABSORBED),
    description: 'One decoder layer: 128 latent-attention heads, 256 experts (8 per token) + shared expert.',
  }),
  entry({
    id: 'mamba', file: 'mamba/mamba.yaml', title: 'Mamba SSM step',
    variables: [optional('BATCH_SIZE', 1, 'Sequences per batch.'), optional('N_TOKENS', 8192, 'Unused.')],
    presets: [NO_VARIABLES_PRESET],
    description: 'Core selective state-space update and read-out for one step.',
  }),
];

export const TRANSFORMER_EXAMPLES: readonly WorkloadExample[] = [...BLOCKS, ...MODELS];
