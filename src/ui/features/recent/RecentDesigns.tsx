/**
 * The Recent menu: designs a link or a restore put aside, each back with one click; and, while
 * autosave fails, a badge saying so.
 */
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { restoreRecentDesign } from '../../store/sync.js';
import { BUNDLED_FILES } from '../examples/bundle.js';

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

export function RecentDesigns() {
  const store = useExplorerStore();
  const { designs, autosaveProblem, setRecentDesigns } = useExplorer((s) => ({
    designs: s.recentDesigns,
    autosaveProblem: s.autosaveProblem,
    setRecentDesigns: s.setRecentDesigns,
  }));
  return (
    <div className="recent-designs">
      {autosaveProblem !== null ? (
        <span className="autosave-problem" data-testid="autosave-problem" role="alert" title={autosaveProblem}>
          Not saved
        </span>
      ) : null}
      <details data-testid="recent-designs">
        <summary>Recent ({designs.length})</summary>
        <div className="recent-list" role="menu" aria-label="Recent designs">
          {designs.length === 0 ? (
            <p className="empty-state small">A design replaced by a link is kept here.</p>
          ) : (
            <>
              {designs.map((design) => (
                <button
                  key={design.fragment}
                  type="button"
                  role="menuitem"
                  data-testid="recent-design"
                  onClick={(event) => {
                    restoreRecentDesign(store, design, BUNDLED_FILES);
                    event.currentTarget.closest('details')?.removeAttribute('open');
                  }}
                >
                  <span className="recent-name">{design.name}</span>
                  <span className="recent-time">{TIME.format(design.savedAt)}</span>
                </button>
              ))}
              <button type="button" className="recent-clear" data-testid="recent-clear" onClick={() => setRecentDesigns([])}>
                Clear the list
              </button>
            </>
          )}
        </div>
      </details>
    </div>
  );
}
