/** What the last Timeloop import dropped or approximated, with where each feature was written. */
import type { ReportKind } from '../../../engine/index.js';
// A value import from index.ts would pull the whole engine into the page bundle.
import { formatLocation } from '../../../engine/timeloop/report.js';
import { useExplorer } from '../../store/context.js';

const SECTIONS: readonly (readonly [ReportKind, string])[] = [
  ['dropped', 'Dropped'],
  ['approximated', 'Approximated'],
  ['converted', 'Notes'],
];

export function TimeloopReport() {
  const { view, dismiss } = useExplorer((s) => ({ view: s.timeloopReport, dismiss: s.dismissTimeloopReport }));
  if (view === null) return null;
  const { report, sources } = view;
  return (
    <div className="timeloop-report" data-testid="timeloop-report" data-items={report.items.length}>
      <div className="timeloop-report-head">
        <span>
          Converted {sources.join(', ')} (Timeloop {report.format})
        </span>
        <button type="button" aria-label="Close the conversion report" onClick={dismiss}>
          ×
        </button>
      </div>
      {SECTIONS.map(([kind, title]) => {
        const items = report.items.filter((i) => i.kind === kind);
        return (
          <section key={kind} data-kind={kind}>
            <h3>
              {title} ({items.length})
            </h3>
            {items.length === 0 ? <p className="empty-state small">None.</p> : null}
            <ul>
              {items.map((item, i) => (
                <li key={i}>
                  <code className="report-where">{formatLocation(item)}</code> <strong>{item.feature}</strong>: {item.reason}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
