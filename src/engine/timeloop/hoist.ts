import type { Problem } from './model.js';

/** One loop of the converted mapping. */
export interface Loop {
  kind: 'Temporal' | 'Spatial';
  dim: string;
  factor: number;
  component?: string;
  axis?: 'X' | 'Y';
}

/** One tensor's storage node at one memory. */
export interface StorageStep {
  component: string;
  tensor: string;
  /** Dimensions that index the tensor. */
  dims: Set<string>;
  /** Dimensions that index it only inside a sum (`p + r`): its tiles slide along their loops. */
  sliding: Set<string>;
  /** Each rank's terms: dimension → coefficient. */
  ranks: Map<string, number>[];
  /** Set when the node was raised above a sliding loop (its reservation must sink below it). */
  slid?: boolean;
}

/** The mapping before it becomes YAML: storage nodes and loops, outer → inner. */
export type Step = { storage: StorageStep } | { loop: Loop };

/** Dimensions indexing a tensor; sliding ones first appear in a multi-term rank (AccelForge's "partially relevant"). */
export function tensorDims(problem: Problem, tensor: string): Pick<StorageStep, 'dims' | 'sliding' | 'ranks'> {
  const t = problem.tensors.find((x) => x.name === tensor);
  const dims = new Set<string>();
  const sliding = new Set<string>();
  const ranks = (t?.ranks ?? []).map((r) => rankTerms(problem, r.expr));
  for (const terms of ranks) {
    for (const dim of terms.keys()) {
      if (dims.has(dim)) continue;
      dims.add(dim);
      if (terms.size > 1) sliding.add(dim);
    }
  }
  return { dims, sliding, ranks };
}

/** `p*2 + r` → {P: 2, R: 1} (the converter writes projections in this form). */
function rankTerms(problem: Problem, expr: string): Map<string, number> {
  const terms = new Map<string, number>();
  for (const term of expr.split('+')) {
    const [variable, coef] = term.trim().split('*');
    const dim = problem.dims.find((d) => d.variable === variable?.trim());
    if (dim) terms.set(dim.name, Number(coef ?? 1));
  }
  return terms;
}

/**
 * Timeloop keeps a tile across the innermost loops above it that do not index its tensor, and
 * when the innermost loop above it slides a window over it (`p` in `p + r`) it fetches only the
 * new elements (Timeloop compares each iteration with the previous one of the same loop, so a
 * window loop with an irrelevant loop inside it refetches whole tiles). In AccelForge both are
 * written by placing the storage node above those loops: fills are counted at the node (the
 * union of the window's positions, which equals Timeloop's deltas) while the reservation sinks
 * below the sliding loop (the occupancy stays one window). Storage nodes move up past irrelevant
 * temporal loops and the spatial loops of fanouts above their memory, or past the innermost loop
 * alone when it slides; they stop at relevant loops, at the spatial loops of fanouts below their
 * memory and at the storage of the same tensor.
 */
export function hoistStorage(steps: readonly Step[], position: ReadonlyMap<string, number>): Step[] {
  const out: Step[] = [];
  const below = shapesBelow(steps);
  steps.forEach((step, i) => {
    if ('storage' in step) out.splice(hoistTarget(out, step.storage, below[i]!, position), 0, step);
    else out.push(step);
  });
  return out;
}

/** Index in `out` (the nodes above) where a storage node goes; see `hoistStorage`. */
function hoistTarget(out: readonly Step[], node: StorageStep, shape: Map<string, number>, position: ReadonlyMap<string, number>): number {
  const level = position.get(node.component) ?? 0;
  let best = out.length;
  let passedLoop = false;
  for (let at = out.length; at > 0 && !node.slid; at--) {
    const above = out[at - 1]!;
    if ('storage' in above) {
      if (above.storage.tensor === node.tensor) break;
      continue;
    }
    const loop = above.loop;
    if (loop.kind === 'Spatial') {
      // AccelForge moves the spatial loops of fanouts above a memory back right above its
      // storage node in each tensor's view, so passing them only changes which temporal loops
      // sit below the node.
      if ((position.get(loop.component ?? '') ?? level) >= level) break;
    } else if (!passedLoop && node.sliding.has(loop.dim) && windowsTouch(node, loop.dim, shape)) {
      [best, node.slid] = [at - 1, true];
    } else if (node.dims.has(loop.dim)) break;
    else best = at - 1;
    passedLoop = true;
  }
  return best;
}

/** Per step, the extent of every dimension in the loops below it (its tile shape there). */
function shapesBelow(steps: readonly Step[]): Map<string, number>[] {
  const shapes: Map<string, number>[] = new Array(steps.length);
  const inner = new Map<string, number>();
  for (let i = steps.length - 1; i >= 0; i--) {
    shapes[i] = new Map(inner);
    const step = steps[i]!;
    if ('loop' in step) inner.set(step.loop.dim, (inner.get(step.loop.dim) ?? 1) * step.loop.factor);
  }
  return shapes;
}

/**
 * Consecutive windows along `dim` overlap or touch, so their union is one contiguous box (what
 * AccelForge counts above the loop). With a stride larger than the window there are gaps, and
 * Timeloop fetches every window whole, as AccelForge does below the loop.
 */
function windowsTouch(node: StorageStep, dim: string, shape: Map<string, number>): boolean {
  return node.ranks.every((terms) => {
    const coef = terms.get(dim);
    if (coef === undefined) return true;
    let extent = 1;
    for (const [d, c] of terms) extent += c * ((shape.get(d) ?? 1) - 1);
    return coef * (shape.get(dim) ?? 1) <= extent;
  });
}

/**
 * AccelForge lowers a reservation only for the last holder of a run of holders; a node raised
 * above a sliding loop goes last in its run so that its occupancy stays one window.
 */
export function slidingLast(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  let run: StorageStep[] = [];
  const flush = (): void => {
    const ordered = [...run.filter((s) => !s.slid), ...run.filter((s) => s.slid)];
    out.push(...ordered.map((storage) => ({ storage })));
    run = [];
  };
  for (const step of steps) {
    if ('storage' in step) run.push(step.storage);
    else {
      flush();
      out.push(step);
    }
  }
  flush();
  return out;
}

