/** Copies a link holding the whole design; the link is also shown so it can be copied by hand. */
import { useState } from 'react';
import { useExplorerStore } from '../../store/context.js';
import { currentShareFragment } from '../../store/sync.js';
import { BUNDLED_FILES } from '../examples/bundle.js';

export function CopyLinkButton() {
  const store = useExplorerStore();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    const url = `${location.origin}${location.pathname}${currentShareFragment(store.getState(), BUNDLED_FILES)}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="copy-link">
      <button type="button" data-testid="copy-link" onClick={() => void copy()}>
        Copy link
      </button>
      {link !== null ? (
        <div className="copied-link" role="dialog" aria-label="Share link">
          <span>{copied ? 'Copied to the clipboard:' : 'Copy this link:'}</span>
          <input data-testid="copied-link" readOnly value={link} onFocus={(e) => e.target.select()} />
          <span className="link-size">{link.length.toLocaleString()} characters</span>
          <button type="button" onClick={() => setLink(null)} aria-label="Close">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
