/** The Monaco spec editor, loaded on demand. */
import { useEffect, useRef, useState } from 'react';
import { useEngineClient } from '../features/run/engine-context.js';
import { useExplorerStore } from '../store/context.js';
import { mountEditor } from './mount-editor.js';

export function SpecEditor(props: { hidden: boolean }) {
  const store = useExplorerStore();
  const client = useEngineClient();
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | string>('loading');

  useEffect(() => {
    let cleanup: (() => void) | null = null;
    let cancelled = false;
    import('./monaco.js')
      .then(({ monaco }) => {
        if (cancelled || host.current === null) return;
        cleanup = mountEditor(monaco, host.current, store, client);
        setStatus('ready');
      })
      .catch((error: unknown) => setStatus(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [store, client]);

  return (
    <div className="spec-editor" data-testid="spec-editor" data-status={status === 'ready' ? 'ready' : 'loading'} hidden={props.hidden}>
      {status !== 'ready' ? (
        <p className="editor-status">{status === 'loading' ? 'Loading editor…' : `The editor failed to load: ${status}`}</p>
      ) : null}
      <div className="monaco-host" ref={host} />
    </div>
  );
}
