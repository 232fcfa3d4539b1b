/** The shown point's mapping as a loop tree: storage, loop and compute nodes with tile shapes. */
import { useMemo } from 'react';
import type { LoopTreeNodeDto } from '../../../engine/index.js';
import { EmptyState } from '../../widgets/Panel.js';
import { tensorOrder } from '../results/chart-data.js';
import { seriesColor } from '../results/colors.js';
import { useShownPoint } from '../results/use-shown-point.js';

export function LoopTreeView() {
  const { point, index, loading } = useShownPoint();
  const order = useMemo(() => (point ? tensorOrder(point.evaluation) : []), [point]);
  if (point === null) {
    return (
      <div className="result-view looptree" data-testid="looptree" data-loading={loading}>
        <EmptyState>{loading ? `Evaluating the mapping of Pareto point ${(index ?? 0) + 1}…` : 'No mapping yet. Evaluate the mapping file, or run the mapper and pick a point.'}</EmptyState>
      </div>
    );
  }
  return (
    <div className="result-view looptree" data-testid="looptree" data-point={index ?? ''}>
      <ul className="lt-root">
        {point.evaluation.loopTree.map((node, i) => (
          <TreeNode key={i} node={node} order={order} />
        ))}
      </ul>
    </div>
  );
}

/** A straight chain renders flat (one indent per loop), branches indent their children. */
function TreeNode(props: { node: LoopTreeNodeDto; order: readonly string[] }) {
  const { node, order } = props;
  const chain: LoopTreeNodeDto[] = [node];
  while (chain[chain.length - 1]!.children.length === 1 && isLineNode(chain[chain.length - 1]!)) {
    chain.push(chain[chain.length - 1]!.children[0]!);
  }
  const last = chain[chain.length - 1]!;
  return (
    <>
      {chain.map((n, i) => (
        <li key={i} className={`lt-node lt-${n.kind}`} data-testid="looptree-node" data-kind={n.kind}>
          <NodeLabel node={n} order={order} />
        </li>
      ))}
      {last.children.length > 0 ? (
        <li className="lt-branches">
          <ul>
            {last.children.map((child, i) => (
              <TreeNode key={i} node={child} order={order} />
            ))}
          </ul>
        </li>
      ) : null}
    </>
  );
}

function isLineNode(node: LoopTreeNodeDto): boolean {
  return node.kind !== 'sequential' && node.kind !== 'pipeline' && node.kind !== 'split';
}

function NodeLabel(props: { node: LoopTreeNodeDto; order: readonly string[] }) {
  const { node, order } = props;
  switch (node.kind) {
    case 'storage':
    case 'toll':
    case 'reservation':
      return (
        <span>
          <b className="lt-component">{node.component}</b>
          {node.persistent ? <em className="lt-note"> persistent</em> : null}{' '}
          {node.tensors.map((t) => (
            <span key={t} className="lt-tensor" data-tensor={t} style={{ background: seriesColor(t, order) }}>
              {t}
            </span>
          ))}
        </span>
      );
    case 'temporal':
      return (
        <span className="lt-loop">
          for <b>{node.rankVariable}</b> tile <code>{String(node.tileShape)}</code>
        </span>
      );
    case 'spatial':
      return (
        <span className="lt-loop">
          spatial-for <b>{node.rankVariable}</b> tile <code>{String(node.tileShape)}</code>
          <span className="lt-note"> over {node.component}.{node.detail}</span>
        </span>
      );
    case 'compute':
      return (
        <span>
          compute <b>{node.detail}</b> on {node.component}
        </span>
      );
    case 'text':
      return <span className="lt-note">{node.detail}</span>;
    default:
      return <span className="lt-branch-label">{node.kind}</span>;
  }
}
