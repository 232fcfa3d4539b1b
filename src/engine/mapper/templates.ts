/** Pmapping templates of every Einsum, as plain-data jobs (docs/mapper.md §2). */
import type { ComponentModelRegistry } from '../components/index.js';
import type { EvaluatedEinsum, EvaluatedLeaf, EvaluatedSpec, FlatArch } from '../evaluate/index.js';
import { buildModelInput } from '../pipeline/model-input.js';
import { evaluateSetExpression, type Scope } from '../spec/expr/index.js';
import type { Mapping } from '../spec/schema/mapping.js';
import { makeDataplacements } from './dataplacement.js';
import { relevancyOf, type Relevancy } from './relevancy.js';
import { fusedLoopCount, insertSpatialLoops, placeMissingTemporalLoops, reuseForbidden } from './spatial-loops.js';
import { copyStorageNodes, storageOrders } from './storage-order.js';
import { insertTemporalLoops, type DraftNode } from './temporal-loops.js';
import type { LoopBoundCheck, MapperMetric, MinUsageCheck, TemplateJob, TemplateNode } from './types.js';

export interface TemplateOptions {
  readonly metric: MapperMetric;
  readonly unfused: boolean;
  readonly maxFusedLoops: number;
  readonly maxFusedLoopsPerRankVariable: number;
  readonly exploreLoopOrders: boolean;
  readonly maxTemplatesPerEinsum: number;
  /** Called once per candidate loop nest (a StopCheck tick); throwing from it stops the generation. */
  readonly poll?: () => void;
}

interface EinsumContext {
  readonly einsum: EvaluatedEinsum;
  readonly relevancy: Relevancy;
  readonly fusable: ReadonlySet<string>;
  readonly intermediates: ReadonlySet<string>;
  readonly scope: Scope;
}

function workloadSets(evaluated: EvaluatedSpec) {
  const uses = new Map<string, number>();
  const written = new Set<string>();
  const read = new Set<string>();
  for (const e of evaluated.workload.einsums) {
    for (const t of e.tensors) {
      uses.set(t.name, (uses.get(t.name) ?? 0) + 1);
      (t.output ? written : read).add(t.name);
    }
  }
  return { uses, intermediates: new Set([...written].filter((t) => read.has(t))) };
}

function rankSet(text: string, scope: Scope): Set<string> {
  const value = evaluateSetExpression(text, scope);
  return new Set(value.elements);
}

const BOUND_OPERATORS = new Set(['==', '<=', '>=', '<', '>']);

/** Spatial loop constraints of one template, plus the rank variables each dimension may not use. */
function spatialConstraints(leaves: readonly EvaluatedLeaf[], ctx: EinsumContext) {
  const forbiddenOf = (leaf: EvaluatedLeaf, d: number): Set<string> => {
    const dim = leaf.spatial[d]!;
    const out = 'elements' in dim.reuse ? reuseForbidden(ctx.relevancy, dim.reuse.elements) : new Set<string>();
    for (const c of dim.loopBounds) {
      const forcesOne = Number(c.value) === 1 && ['==', '<=', 'product==', 'product<='].includes(c.operator);
      if (forcesOne) for (const v of rankSet(c.expression, ctx.scope)) out.add(v);
    }
    return out;
  };
  return forbiddenOf;
}

function loopChecks(nodes: readonly TemplateNode[], leaves: readonly EvaluatedLeaf[], ctx: EinsumContext) {
  const checks: LoopBoundCheck[] = [];
  const minUsage: MinUsageCheck[] = [];
  for (const leaf of leaves) {
    leaf.spatial.forEach((dim) => {
      const loopNodes = nodes.filter((n) => n.kind !== 'storage');
      const loops = loopNodes.flatMap((n, i) => (n.kind === 'spatial' && n.component === leaf.name && n.dim === dim.name ? [i] : []));
      if (loops.length === 0) return;
      checks.push({ loops, operator: '<=', value: dim.fanout, each: false });
      for (const c of dim.loopBounds) {
        const vars = rankSet(c.expression, ctx.scope);
        const targeted = loops.filter((i) => vars.has((loopNodes[i] as { rankVariable: string }).rankVariable));
        const product = c.operator.startsWith('product');
        const operator = product ? c.operator.slice('product'.length) : c.operator;
        if (targeted.length === 0 || !BOUND_OPERATORS.has(operator)) continue;
        checks.push({ loops: targeted, operator: operator as LoopBoundCheck['operator'], value: Number(c.value), each: !product });
      }
      if (dim.minUsage > 0) minUsage.push({ loops, fanout: dim.fanout, minUsage: dim.minUsage });
    });
  }
  return { checks, minUsage };
}

function toTemplateNodes(draft: readonly DraftNode[], fused: number): TemplateNode[] {
  let loopIndex = 0;
  return draft.map((n): TemplateNode => {
    if (n.kind === 'storage') {
      return { kind: 'storage', component: n.node.component, tensor: n.node.tensor, backing: n.node.backing, persistent: n.node.persistent };
    }
    const isFused = loopIndex++ < fused;
    if (n.kind === 'temporal') return { kind: 'temporal', rankVariable: n.rankVariable, fused: isFused };
    return { kind: 'spatial', rankVariable: n.rankVariable, component: n.component, dim: n.dim, fused: isFused };
  });
}

/** Runs of consecutive storage nodes count as unordered sets. */
function dedupKey(nodes: readonly TemplateNode[]): string {
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) parts.push(`{${run.sort().join(',')}}`);
    run = [];
  };
  for (const n of nodes) {
    if (n.kind === 'storage') run.push(`${n.component}:${n.tensor}${n.backing ? '' : '~'}`);
    else {
      flush();
      parts.push(`${n.kind}:${n.rankVariable}${n.component ? `@${n.component}.${n.dim}` : ''}${n.fused ? '*' : ''}`);
    }
  }
  flush();
  return parts.join(' ');
}

function cumulativeFanout(leaves: readonly EvaluatedLeaf[]) {
  return (leafIndex: number): number => {
    let f = 1;
    for (let i = 0; i <= leafIndex; i++) for (const s of leaves[i]!.spatial) f *= s.fanout;
    return f;
  };
}

/** Template node lists for one Einsum on one flattened arch path. */
export function templatesForPath(path: FlatArch, ctx: EinsumContext, options: TemplateOptions): TemplateNode[][] {
  const leaves = path.leaves;
  const persistent = new Set(ctx.einsum.tensors.filter((t) => t.persistent).map((t) => t.name));
  const forbidden = spatialConstraints(leaves, ctx);
  const loopCtx = {
    rankVariables: ctx.einsum.rankVariables,
    relevancy: ctx.relevancy,
    fusable: ctx.fusable,
    maxFusedLoops: options.maxFusedLoops,
    exploreLoopOrders: options.exploreLoopOrders,
    copy: ctx.einsum.isCopyOperation,
  };
  const seen = new Set<string>();
  const out: TemplateNode[][] = [];
  for (const placement of makeDataplacements(ctx.einsum, leaves, ctx.scope, { unfused: options.unfused })) {
    for (const fullOrder of storageOrders(placement, persistent, cumulativeFanout(leaves))) {
      const order = ctx.einsum.isCopyOperation ? copyStorageNodes(fullOrder) : fullOrder;
      for (const temporal of insertTemporalLoops(order, loopCtx)) {
        options.poll?.();
        const spatial = insertSpatialLoops(temporal, leaves, { ...loopCtx, intermediates: ctx.intermediates, forbidden });
        const draft = placeMissingTemporalLoops(spatial, ctx.einsum.rankVariables, ctx.fusable);
        const nodes = toTemplateNodes(draft, fusedLoopCount(draft, ctx.fusable));
        const key = dedupKey(nodes);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(nodes);
        if (out.length >= options.maxTemplatesPerEinsum) return out;
      }
    }
  }
  return out;
}

function computeOnlyMapping(einsum: string, compute: string): Mapping {
  return { nodes: [{ $tag: 'Compute', einsum, component: compute }] };
}

/** One job per template, for every Einsum and every enabled Compute. */
export function makePmappingTemplates(
  evaluated: EvaluatedSpec,
  registry: ComponentModelRegistry,
  options: TemplateOptions,
): TemplateJob[] {
  const { uses, intermediates } = workloadSets(evaluated);
  const tensorUse = [...uses.entries()];
  const jobs: TemplateJob[] = [];
  evaluated.workload.einsums.forEach((einsum, einsumIndex) => {
    const fusable = new Set(einsum.tensors.map((t) => t.name).filter((t) => (uses.get(t) ?? 0) > 1));
    const ctx: EinsumContext = {
      einsum,
      relevancy: relevancyOf(einsum),
      fusable,
      intermediates,
      scope: evaluated.scope.child(einsum.symbols),
    };
    for (const path of evaluated.arches[einsumIndex]!.paths) {
      if (path.leaves[path.leaves.length - 1]?.component?.enabled === false) continue;
      const modelEinsum = buildModelInput(evaluated, computeOnlyMapping(einsum.name, path.compute), registry).einsums[einsumIndex]!;
      // Simplest templates first: the tie-break between equal-cost mappings favours fewer storage nodes.
      const templates = templatesForPath(path, ctx, options).map((nodes, i) => ({ nodes, i, holders: nodes.filter((n) => n.kind === 'storage').length }));
      templates.sort((a, b) => a.holders - b.holders || a.nodes.length - b.nodes.length || a.i - b.i);
      for (const { nodes } of templates) {
        const { checks, minUsage } = loopChecks(nodes, path.leaves, ctx);
        jobs.push({
          id: jobs.length,
          einsumIndex,
          einsum: einsum.name,
          compute: path.compute,
          nodes,
          fusableTensors: [...ctx.fusable].sort(),
          modelEinsum,
          tensorUse,
          checks,
          minUsage,
          metric: options.metric,
          maxFusedLoops: options.maxFusedLoops,
          maxFusedLoopsPerRankVariable: options.maxFusedLoopsPerRankVariable,
        });
      }
    }
  });
  return jobs;
}

