/** Task entry points over in-memory designs, as the worker receives them. */
import type {
  CheckResult,
  DesignFiles,
  EinsumRow,
  EvaluateDesignResult,
  EvaluationData,
  EvaluationTotals,
  LoopTreeNodeDto,
  LoopTreeNodeKind,
  MemoryUsageRecord,
} from '../api.js';
import type { SpecError } from '../base/errors.js';
import { MemoryFileSystem } from '../io/memory-file-system.js';
import { printMapping, type ModelResult } from '../model/index.js';
import type { Mapping, MappingNode } from '../spec/schema/mapping.js';
import { checkSpec } from './check.js';
import { evaluateSpecMapping } from './evaluate.js';
import type { SpecInput } from './prepare.js';

/** The design's files in an in-memory file system rooted at `/`. */
export function designInput(design: DesignFiles): SpecInput {
  return { fs: new MemoryFileSystem({ ...design.files }), specFiles: design.specFiles, variables: design.variables };
}

export function checkDesign(design: DesignFiles): CheckResult {
  return checkSpec(designInput(design));
}

/** Evaluates the design's own mapping into plain, structured-cloneable result data. */
export function evaluateDesign(design: DesignFiles): EvaluateDesignResult {
  const evaluated = evaluateSpecMapping(designInput(design));
  if (!evaluated.ok) return { errors: evaluated.errors, evaluation: null, noMapping: isNoMapping(evaluated.errors) };
  const { prepared, result } = evaluated.value;
  return { errors: [], evaluation: evaluationData(result, prepared.spec.mapping), noMapping: false };
}

/** The evaluate stage reports a missing mapping as one error at `mapping`. */
function isNoMapping(errors: readonly SpecError[]): boolean {
  return errors.length === 1 && errors[0]?.kind === 'mapping' && errors[0].path.length === 1 && errors[0].path[0] === 'mapping';
}

/** Headline numbers of an evaluated mapping. */
export function evaluationTotals(result: ModelResult): EvaluationTotals {
  const energy = result.energy();
  const latency = result.latency();
  return {
    energy,
    latency,
    edp: energy * latency,
    computeOps: result.computeOps(),
    energyPerCompute: result.energyPerCompute(),
    area: result.totalArea(),
    leakPower: result.totalLeakPower(),
  };
}

/** The DTO of one evaluated mapping: totals, breakdowns, usage, the mapping as YAML and as a tree. */
export function evaluationData(result: ModelResult, mapping: Mapping): EvaluationData {
  return {
    totals: evaluationTotals(result),
    energy: result.energyEntries().map((e) => ({ ...e })),
    actions: result.actionEntries().map(({ einsum, component, tensor, action, count }) => ({ einsum, component, tensor, action, count })),
    latency: result.componentLatencies().map((c) => ({ ...c })),
    memoryUsage: memoryUsageRecords(result),
    einsums: einsumRows(result),
    mappingYaml: printMapping(mapping),
    loopTree: lineToTree(mapping.nodes),
    components: result.components.map((c) => ({ component: c.component, area: c.totalArea, leakPower: c.totalLeakPower })),
  };
}

function memoryUsageRecords(result: ModelResult): MemoryUsageRecord[] {
  const peaks: MemoryUsageRecord[] = result.memoryUsage.map((m) => ({ component: m.component, fraction: m.fraction }));
  const perTensor = result.einsums.flatMap((e) =>
    e.usage.map((u) => ({ einsum: u.einsum, component: u.component, tensor: u.tensor, fraction: u.fraction })),
  );
  return [...peaks, ...perTensor];
}

function einsumRows(result: ModelResult): EinsumRow[] {
  const energyByEinsum = result.energyBy(['einsum']);
  return result.einsums.map((e) => {
    const energy = energyByEinsum.get(e.einsum) ?? 0;
    return {
      einsum: e.einsum,
      energy,
      latency: e.latency,
      computeOps: e.computeOps,
      energyPerCompute: e.computeOps === 0 ? 0 : energy / e.computeOps,
    };
  });
}

const LINE_TAGS: ReadonlySet<string> = new Set(['Nested', 'Mapping']);
const SPLIT_KINDS: Readonly<Record<string, LoopTreeNodeKind>> = { Sequential: 'sequential', Pipeline: 'pipeline', Split: 'split' };

/** A straight line of nodes becomes a chain: each node's only child is the rest of the line. */
function lineToTree(nodes: readonly MappingNode[]): LoopTreeNodeDto[] {
  let below: LoopTreeNodeDto[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (LINE_TAGS.has(node.$tag) && 'nodes' in node) below = [...lineToTree(node.nodes), ...below];
    else below = [nodeDto(node, below)];
  }
  return below;
}

function branchesToTree(branches: readonly MappingNode[]): LoopTreeNodeDto[] {
  return branches.flatMap((b) => (LINE_TAGS.has(b.$tag) && 'nodes' in b ? lineToTree(b.nodes) : [nodeDto(b, [])]));
}

const EMPTY = { tensors: [], component: null, rankVariable: null, tileShape: null, detail: null, persistent: false } as const;

function nodeDto(node: MappingNode, children: LoopTreeNodeDto[]): LoopTreeNodeDto {
  switch (node.$tag) {
    case 'Storage':
    case 'Toll':
      return { ...EMPTY, kind: node.$tag === 'Storage' ? 'storage' : 'toll', tensors: [...node.tensors], component: node.component, persistent: node.persistent, children };
    case 'Temporal':
      return { ...EMPTY, kind: 'temporal', rankVariable: node.rank_variable, tileShape: node.tile_shape, children };
    case 'Spatial':
      return { ...EMPTY, kind: 'spatial', rankVariable: node.rank_variable, tileShape: node.tile_shape, component: node.component, detail: String(node.name), children };
    case 'Compute':
      return { ...EMPTY, kind: 'compute', component: node.component, detail: node.einsum, children };
    case 'Reservation':
      return { ...EMPTY, kind: 'reservation', tensors: [...node.purposes], component: node.resource, persistent: node.persistent, children };
    case 'TextBox':
      return { ...EMPTY, kind: 'text', detail: node.text, children };
    default:
      return { ...EMPTY, kind: SPLIT_KINDS[node.$tag] ?? 'sequential', children: [...branchesToTree(node.nodes), ...children] };
  }
}
