/** Evaluates the architecture tree for one Einsum and keeps its shape for flattening. */
import type { SpecPath } from '../../base/errors.js';
import { fromJs, simpleFunction, pyObject, type PyValue, type Scope } from '../../spec/expr/index.js';
import type { ArchNode, Leaf } from '../../spec/schema/arch.js';
import type { Spec } from '../../spec/schema/spec.js';
import type { LiteralTest } from '../free-form.js';
import { evaluateFreeForm } from '../free-form.js';
import { evaluateComponent, evaluateSpatial, leafKind } from './evaluate-component.js';
import { checkRangedAttributes } from './evaluate-fields.js';
import type { EvaluatedLeaf } from './types.js';

/** The evaluated tree: leaves, and branches that keep their meaning for flattening. */
export type EvaluatedArchNode =
  | { readonly type: 'leaf'; readonly leaf: EvaluatedLeaf }
  | { readonly type: 'hierarchical' | 'fork'; readonly nodes: readonly EvaluatedArchNode[] };

interface WalkState {
  readonly scope: Scope;
  readonly isLiteral: LiteralTest;
  readonly inheritedExtras: ReadonlyMap<string, PyValue>;
}

/** `scope` holds builtins, spec variables and the Einsum's symbols. */
export function evaluateArch(spec: Spec, scope: Scope, isLiteral: LiteralTest): EvaluatedArchNode[] {
  const archScope = scope.child();
  const variables = evaluateFreeForm(spec.arch.variables, archScope, ['arch', 'variables'], isLiteral);
  for (const [name, value] of variables) archScope.set(name, value);
  const inheritedExtras = evaluateFreeForm(
    spec.arch.extra_attributes_for_all_component_models,
    archScope,
    ['arch', 'extra_attributes_for_all_component_models'],
    isLiteral,
  );
  checkRangedAttributes(inheritedExtras, ['arch', 'extra_attributes_for_all_component_models']);
  const state: WalkState = { scope: archScope, isLiteral, inheritedExtras };
  return walkHierarchy(spec.arch.nodes, ['arch'], 1, state).nodes;
}

/** Walks a Hierarchical list; each node's fanout multiplies the instances of the nodes after it. */
function walkHierarchy(
  nodes: readonly ArchNode[],
  parentPath: SpecPath,
  fanoutAbove: number,
  state: WalkState,
): { nodes: EvaluatedArchNode[]; fanout: number } {
  let running = fanoutAbove;
  const out: EvaluatedArchNode[] = [];
  nodes.forEach((node, i) => {
    const path = [...parentPath, 'nodes', i];
    switch (node.$tag) {
      case 'Hierarchical': {
        const inner = walkHierarchy(node.nodes, path, running, state);
        out.push({ type: 'hierarchical', nodes: inner.nodes });
        running = inner.fanout;
        break;
      }
      case 'Fork':
        // A fork's contents are not ancestors of the nodes after it.
        out.push({ type: 'fork', nodes: walkHierarchy(node.nodes, path, running, state).nodes });
        break;
      case 'Array': {
        const ownFanout = node.spatial.reduce((product, s, j) => product * evaluateSpatial(s, state.scope, [...path, 'spatial', j]).fanout, 1);
        const inner = walkHierarchy(node.nodes, path, running, state);
        out.push({ type: 'hierarchical', nodes: inner.nodes });
        running *= ownFanout;
        break;
      }
      default: {
        const leaf = evaluateLeaf(node, path, running, state);
        out.push({ type: 'leaf', leaf });
        running *= leaf.spatial.reduce((product, s) => product * s.fanout, 1);
      }
    }
  });
  return { nodes: out, fanout: running };
}

function evaluateLeaf(node: Leaf, path: SpecPath, ancestorFanout: number, state: WalkState): EvaluatedLeaf {
  const kind = leafKind(node);
  const component =
    node.$tag === 'Container'
      ? undefined
      : evaluateComponent(node, { scope: state.scope, path, isLiteral: state.isLiteral, inheritedExtras: state.inheritedExtras });
  const spatialScope = component ? state.scope.child(fieldsAsScope(component.fields)) : state.scope;
  const spatial = node.spatial.map((s, j) => evaluateSpatial(s, spatialScope, [...path, 'spatial', j]));
  const leaf: EvaluatedLeaf = { kind, name: node.name, path, spatial, ancestorFanout, ...(component ? { component } : {}) };
  state.scope.set(node.name, nodeObject(leaf));
  return leaf;
}

function fieldsAsScope(fields: Readonly<Record<string, unknown>>): Map<string, PyValue> {
  return new Map(Object.entries(fields).map(([k, v]) => [k, fromJs(v)]));
}

/** An evaluated node as expressions see it: its fields, plus `get_fanout()`. */
function nodeObject(leaf: EvaluatedLeaf): PyValue {
  const fields = fieldsAsScope(leaf.component?.fields ?? { name: leaf.name });
  const fanout = leaf.spatial.reduce((product, s) => product * s.fanout, 1);
  fields.set('get_fanout', simpleFunction('get_fanout', () => fanout));
  return pyObject(leaf.component ? 'Component' : 'Container', (name) => fields.get(name), { names: () => fields.keys() });
}
