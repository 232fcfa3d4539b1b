/** A link that selected a mapper point: the run that finds it again starts only on the user's click. */
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { BUNDLED_FILES } from '../examples/bundle.js';
import { getExamples } from '../examples/catalogue.js';
import { useEngineClient } from './engine-context.js';
import { runMapper } from './map-run.js';

export function LinkRunOffer() {
  const client = useEngineClient();
  const store = useExplorerStore();
  const { linkRun, selectedPoint, limit } = useExplorer((s) => ({ linkRun: s.linkRun, selectedPoint: s.selectedPoint, limit: s.mapper.timeLimitSeconds }));
  if (linkRun === null) return null;
  const point = selectedPoint === null ? 'a point' : `point ${selectedPoint + 1}`;
  const kind = linkRun === 'mapper-unfused' ? 'an unfused mapper run' : 'a mapper run';
  return (
    <div className="link-run-offer" data-testid="link-run-offer">
      <span>
        This link shows Pareto {point} of {kind}. Links carry no results; the mapper finds it again (up to {limit} s).
      </span>
      <button
        type="button"
        data-testid="run-link-mapper"
        onClick={() => void runMapper(store, { client, bundled: BUNDLED_FILES, examples: getExamples() }, linkRun === 'mapper-unfused')}
      >
        Run mapper to reopen {point}
      </button>
    </div>
  );
}
