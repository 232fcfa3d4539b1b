/** Stage 1 of template making: which memories keep which tensors (docs/mapper.md §2.3). */
import { failWith } from '../base/errors.js';
import type { EvaluatedEinsum, EvaluatedLeaf } from '../evaluate/index.js';
import { evaluateSetExpression, ExpressionError, InvertibleSet, type Scope } from '../spec/expr/index.js';
import { KEEP_SENTINEL, MAY_KEEP_SENTINEL } from '../spec/schema/spatial.js';

/** One memory level of a dataplacement: the tensors it keeps, must-keep ones flagged. */
export interface PlacedLevel {
  readonly leafIndex: number;
  readonly component: string;
  readonly tensors: readonly string[];
  /** Tensors kept only because the mapper chose to (may_keep). */
  readonly optional: ReadonlySet<string>;
}

export type Dataplacement = readonly PlacedLevel[];

export interface PlacementOptions {
  /** Force `keep: All` on the first memory (AccelForge's unfused regression variant). */
  readonly unfused: boolean;
}

interface HolderLevel {
  readonly leafIndex: number;
  readonly leaf: EvaluatedLeaf;
}

function holderLevels(leaves: readonly EvaluatedLeaf[]): HolderLevel[] {
  const out: HolderLevel[] = [];
  leaves.forEach((leaf, leafIndex) => {
    if (leaf.kind === 'memory' && leaf.component?.enabled !== false && leaf.component?.tensors) out.push({ leafIndex, leaf });
  });
  return out;
}

function allSet(einsum: EvaluatedEinsum): InvertibleSet {
  const all = einsum.symbols.get('All');
  if (!(all instanceof InvertibleSet)) throw new Error(`Einsum ${einsum.name} has no All symbol`);
  return all;
}

function evalSet(text: string, scope: Scope, leaf: EvaluatedLeaf, field: string): InvertibleSet {
  try {
    return evaluateSetExpression(text, scope);
  } catch (e) {
    const message = e instanceof ExpressionError ? e.message : String(e);
    return failWith('expression', `${leaf.name}.tensors.${field} \`${text}\`: ${message}`, {
      path: [...leaf.path, 'tensors', field],
      hint: 'Use tensor sets such as All, Inputs, Outputs, Intermediates, Above, tensor names or earlier memory names.',
    });
  }
}

/** Must-keep and may-keep sets of one level, given the sets chosen above it. */
function levelChoices(level: HolderLevel, scope: Scope, forceAll: boolean, all: InvertibleSet) {
  const tensors = level.leaf.component!.tensors!;
  const keepSet = tensors.keep === KEEP_SENTINEL ? all.withElements([]) : evalSet(tensors.keep, scope, level.leaf, 'keep');
  const keep = forceAll ? all : keepSet;
  const back = evalSet(tensors.back, scope, level.leaf, 'back');
  let mayKeep: InvertibleSet;
  if (tensors.may_keep === MAY_KEEP_SENTINEL) mayKeep = tensors.keep === KEEP_SENTINEL && !forceAll ? all : all.withElements([]);
  else mayKeep = evalSet(tensors.may_keep, scope, level.leaf, 'may_keep');
  const must = new Set([...keep.elements, ...back.elements].filter((t) => all.has(t)));
  const may = mayKeep.elements.filter((t) => !must.has(t) && !back.has(t) && all.has(t));
  return { must: [...must].sort(), may, back: back.elements };
}

function* subsets<T>(items: readonly T[]): Generator<T[]> {
  for (let mask = 0; mask < 1 << items.length; mask++) yield items.filter((_, i) => (mask >> i) & 1);
}

/** Every dataplacement of one flattened arch path, in a deterministic order. */
export function makeDataplacements(
  einsum: EvaluatedEinsum,
  leaves: readonly EvaluatedLeaf[],
  baseScope: Scope,
  options: PlacementOptions,
): Dataplacement[] {
  const all = allSet(einsum);
  const levels = holderLevels(leaves);
  const out: Dataplacement[] = [];
  const walk = (i: number, above: ReadonlySet<string>, named: Record<string, InvertibleSet>, acc: PlacedLevel[]): void => {
    if (i === levels.length) {
      if (all.elements.every((t) => above.has(t))) out.push([...acc]);
      return;
    }
    const level = levels[i]!;
    const scope = baseScope.child({ ...named, Above: all.withElements(above) });
    const { must, may, back } = levelChoices(level, scope, options.unfused && i === 0, all);
    if (back.some((t) => above.has(t))) return;
    // A copy Einsum never stores a tensor twice by choice: that would copy it again.
    const optional = einsum.isCopyOperation ? may.filter((t) => !above.has(t)) : may;
    for (const chosen of subsets(optional)) {
      const keepHere = [...new Set([...must, ...chosen])].sort();
      const nextNamed = { ...named, [level.leaf.name]: all.withElements(keepHere) };
      const placed: PlacedLevel = { leafIndex: level.leafIndex, component: level.leaf.name, tensors: keepHere, optional: new Set(chosen) };
      walk(i + 1, new Set([...above, ...keepHere]), nextNamed, [...acc, placed]);
    }
  };
  walk(0, new Set(), {}, []);
  return out;
}

/**
 * Evaluates every level's keep/may_keep/back once, in the scope the search gives it (earlier
 * memories' names and `Above` bound, here to every tensor), so `check` reports their errors
 * without enumerating placements.
 */
export function checkPlacementExpressions(einsum: EvaluatedEinsum, leaves: readonly EvaluatedLeaf[], baseScope: Scope): void {
  const all = allSet(einsum);
  const named = new Map<string, InvertibleSet>();
  for (const level of holderLevels(leaves)) {
    levelChoices(level, baseScope.child(new Map([...named, ['Above', all]])), false, all);
    named.set(level.leaf.name, all);
  }
}
