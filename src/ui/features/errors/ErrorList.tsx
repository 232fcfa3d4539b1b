/** Problems with the spec (from the latest check) and notices about the app itself. */
import type { SpecError } from '../../../engine/index.js';
// A value import from index.ts would pull the whole engine into the page bundle.
import { formatSpecPath } from '../../../engine/base/errors.js';
import { useExplorer } from '../../store/context.js';

export const STALLED_MESSAGE = 'Not checked: the engine did not finish checking this text. Edit the spec to check again.';

export function ErrorList() {
  const { checkErrors, runErrors, importErrors, fresh, stalled, notices, dismissNotice, revealInEditor } = useExplorer((s) => ({
    checkErrors: s.checkErrors,
    runErrors: s.runErrors,
    importErrors: s.importErrors,
    fresh: s.checkFresh,
    stalled: s.checkStalled,
    notices: s.notices,
    dismissNotice: s.dismissNotice,
    revealInEditor: s.revealInEditor,
  }));
  const errors = [...importErrors, ...checkErrors, ...runErrors.filter((e) => !checkErrors.some((c) => sameError(c, e)))];
  return (
    <div className="error-list" data-testid="error-list" data-count={errors.length} data-fresh={fresh} data-stalled={stalled}>
      {notices.map((notice, i) => (
        <div key={notice} className="notice" role="status">
          <span>{notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(i)}>
            ×
          </button>
        </div>
      ))}
      {errors.length === 0 ? (
        <p className="empty-state small">{fresh ? 'No problems found.' : stalled ? STALLED_MESSAGE : 'Checking…'}</p>
      ) : (
        <ul>
          {errors.map((error, i) => (
            <ErrorItem key={i} error={error} onReveal={revealInEditor} />
          ))}
        </ul>
      )}
    </div>
  );
}

function sameError(a: SpecError, b: SpecError): boolean {
  return a.message === b.message && a.pos?.file === b.pos?.file && a.pos?.line === b.pos?.line;
}

function ErrorItem(props: { error: SpecError; onReveal(file: string, line: number, col: number): void }) {
  const { error } = props;
  const where = error.pos ? `${error.pos.file}:${error.pos.line}:${error.pos.col}` : null;
  return (
    <li className="error-item" data-kind={error.kind}>
      {where && error.pos ? (
        <button type="button" className="error-where" onClick={() => error.pos && props.onReveal(error.pos.file, error.pos.line, error.pos.col)}>
          {where}
        </button>
      ) : null}
      <span className="error-message">{error.message}</span>
      {error.path.length > 0 ? <code className="error-path">{formatSpecPath(error.path)}</code> : null}
      {error.hint ? <div className="error-hint">{error.hint}</div> : null}
    </li>
  );
}
