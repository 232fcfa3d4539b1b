/** The chosen mapping as a loop tree. */
import { EmptyState } from '../../widgets/Panel.js';

export function LoopTreeView() {
  return (
    <div className="result-view looptree" data-testid="looptree">
      <EmptyState>No mapping yet. Evaluate the mapping file, or run the mapper and pick a point.</EmptyState>
    </div>
  );
}
