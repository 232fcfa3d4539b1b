/** Hand-built model inputs for the worked examples of docs/model.md §10. */
import type {
  ArchLeaf,
  LatencyEvaluator,
  ModelAction,
  ModelEinsum,
  ModelTensor,
  SpatialDim,
} from '../../../src/engine/model/types.js';
import { evaluateMapping, parseMapping, type ModelResult } from '../../../src/engine/model/index.js';
import { rawFromYaml } from '../../../src/engine/model/mapping-yaml.js';
import type { Mapping } from '../../../src/engine/spec/schema/mapping.js';

export function tensor(name: string, vars: readonly string[], extra: Partial<ModelTensor> = {}): ModelTensor {
  return {
    name,
    projection: vars.map((v) => ({ rank: v.toUpperCase(), terms: [{ var: v, coeff: 1 }], constant: 0 })),
    bitsPerValue: 8,
    output: false,
    persistent: false,
    backingStorageSizeScale: 1,
    ...extra,
  };
}

/** Einsum i of matmuls.yaml: T{i+1}[m, n{i+1}] += T{i}[m, n{i}] · W{i}[n{i}, n{i+1}]. */
export function matmul(
  i: number,
  m: number,
  kn: number,
  arch: readonly ArchLeaf[],
  extra: Partial<ModelEinsum> = {},
): ModelEinsum {
  const [a, b] = [`n${i}`, `n${i + 1}`];
  return {
    name: `Matmul${i}`,
    rankBounds: { m, [a]: kn, [b]: kn },
    tensors: [
      tensor(`T${i}`, ['m', a]),
      tensor(`W${i}`, [a, b]),
      tensor(`T${i + 1}`, ['m', b], { output: true }),
    ],
    isCopyOperation: false,
    nInstances: 1,
    arch,
    offPath: [],
    ...extra,
  };
}

export function action(name: string, energy: number, throughput: number, extra: Partial<ModelAction> = {}): ModelAction {
  return { name, energy, throughput, bitsPerAction: null, valuesPerAction: {}, ...extra };
}

export function dim(name: string, fanout: number, mayReuse: readonly string[], extra: Partial<SpatialDim> = {}): SpatialDim {
  return { name, fanout, mayReuse, usageScale: 1, powerGateable: false, ...extra };
}

const DEFAULT_LATENCY = 'sum(a.n_calls / a.throughput for a in actions)';

export function leaf(name: string, kind: ArchLeaf['kind'], extra: Partial<ArchLeaf> = {}): ArchLeaf {
  return {
    name,
    kind,
    size: Infinity,
    spatial: [],
    bitsPerValue: {},
    bitsPerAction: null,
    valuesPerAction: {},
    actions: [],
    totalLeakPower: 0,
    totalArea: 0,
    actionsScale: 1,
    skipInitialOutputWrite: true,
    tollDirection: {},
    totalLatency: kind === 'container' ? null : DEFAULT_LATENCY,
    ...extra,
  };
}

export function memory(name: string, read: number, write: number, throughput: number, extra: Partial<ArchLeaf> = {}): ArchLeaf {
  return leaf(name, 'memory', {
    actions: [action('read', read, throughput), action('write', write, throughput)],
    ...extra,
  });
}

export function compute(name: string, energy: number, throughput: number, extra: Partial<ArchLeaf> = {}): ArchLeaf {
  return leaf(name, 'compute', { actions: [action('compute', energy, throughput)], ...extra });
}

/** examples/arches/simple.yaml with its Jinja defaults. */
export function simpleArch(opts: { mainMemoryEnergy?: number; gbSize?: number; gbThroughput?: number } = {}): ArchLeaf[] {
  const mm = opts.mainMemoryEnergy ?? 1;
  return [
    memory('MainMemory', mm, mm, Infinity),
    memory('GlobalBuffer', 1, 1, opts.gbThroughput ?? Infinity, { size: opts.gbSize ?? Infinity }),
    compute('MAC', 1, 1),
  ];
}

export function mappingOf(yaml: string): Mapping {
  const raw = rawFromYaml(yaml) as { mapping: unknown };
  const parsed = parseMapping(raw.mapping);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

export function run(einsums: ModelEinsum[], mapping: Mapping, evaluateLatency?: LatencyEvaluator): ModelResult {
  const result = evaluateMapping({ einsums, mapping, ...(evaluateLatency ? { evaluateLatency } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}


/** An Einsum `out[...] = in0[...] · in1[...]` with one-variable ranks. */
export function einsumOf(
  name: string,
  rankBounds: Record<string, number>,
  inputs: readonly (readonly [string, readonly string[]])[],
  output: readonly [string, readonly string[]],
  arch: readonly ArchLeaf[],
): ModelEinsum {
  return {
    name,
    rankBounds,
    tensors: [...inputs.map(([n, v]) => tensor(n, v)), tensor(output[0], output[1], { output: true })],
    isCopyOperation: false,
    nInstances: 1,
    arch,
    offPath: [],
  };
}
