import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from '../../../src/ui/share/codec.js';
import { LOCAL_KEY } from '../../../src/ui/store/local-save.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { applyLink, restoreState, startSync } from '../../../src/ui/store/sync.js';

const BUNDLED = { 'arches/simple.yaml': 'arch: {}\n' };

function storageWith(value: unknown) {
  const items = new Map<string, string>([[LOCAL_KEY, JSON.stringify(value)]]);
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('restoreState', () => {
  it('lets the link override the autosave for shared keys only', () => {
    const storage = storageWith({ files: { 'old.yaml': 'a: 1' }, specFiles: ['old.yaml'], editorFraction: 0.3 });
    const hash = encodeShareFragment({ v: 1, specFiles: ['arches/simple.yaml'], variables: { M: 8 } });
    const { data, linkProblem } = restoreState({ hash, storage, bundled: BUNDLED });
    expect(linkProblem).toBeNull();
    expect(data.files).toEqual({ 'arches/simple.yaml': 'arch: {}\n' });
    expect(data.variables).toEqual({ M: 8 });
    expect(data.editorFraction).toBe(0.3);
  });

  it('offers, but never starts, the mapper run behind a linked unfused mapper point', () => {
    const hash = encodeShareFragment({ v: 1, specFiles: ['arches/simple.yaml'], view: { selectedPoint: 0, pointFrom: 'mapper-unfused' } });
    const restored = restoreState({ hash, storage: storageWith({}), bundled: BUNDLED });
    expect(restored.data.linkRun).toBe('mapper-unfused');
    expect(restored.data.selectedPoint).toBe(0);
    expect(restoreState({ hash: encodeShareFragment({ v: 1, view: { selectedPoint: 0 } }), storage: storageWith({}), bundled: BUNDLED }).data.linkRun).toBeNull();
  });

  it('keeps the autosave and reports a broken link', () => {
    const storage = storageWith({ specFiles: ['old.yaml'] });
    const { data, linkProblem } = restoreState({ hash: '#s=garbage', storage, bundled: BUNDLED });
    expect(data.specFiles).toEqual(['old.yaml']);
    expect(linkProblem).toMatch(/damaged/);
  });
});

describe('startSync', () => {
  it('writes autosave and fragment once after a burst of edits', () => {
    vi.useFakeTimers();
    const storage = storageWith({});
    const hashes: string[] = [];
    const store = createExplorerStore({
      files: { 'arches/simple.yaml': 'arch: {}\n' },
      specFiles: ['arches/simple.yaml'],
      activeFile: 'arches/simple.yaml',
    });
    const stop = startSync(store, { storage, bundled: BUNDLED, replaceHash: (h) => hashes.push(h), debounceMs: 100 });
    store.getState().setFileText('arches/simple.yaml', 'arch: {a: 1}\n');
    store.getState().setFileText('arches/simple.yaml', 'arch: {a: 2}\n');
    store.getState().setRunStatus('checking');
    vi.advanceTimersByTime(150);
    expect(hashes).toHaveLength(1);
    const decoded = decodeShareFragment(hashes[0] ?? '');
    expect(decoded.ok && decoded.payload).toEqual({
      v: 1,
      files: { 'arches/simple.yaml': 'arch: {a: 2}\n' },
      specFiles: ['arches/simple.yaml'],
    });
    expect(JSON.parse(storage.items.get(LOCAL_KEY) ?? '{}').files).toEqual({ 'arches/simple.yaml': 'arch: {a: 2}\n' });
    store.getState().setRunStatus('idle');
    vi.advanceTimersByTime(150);
    expect(hashes).toHaveLength(1);
    stop();
  });
});

describe('applyLink', () => {
  it('loads a pasted link into the open store and ignores its own fragment', () => {
    const store = createExplorerStore({ files: { 'arches/simple.yaml': 'x' }, specFiles: ['arches/simple.yaml'] });
    const own = encodeShareFragment({ v: 1, files: { 'arches/simple.yaml': 'x' }, specFiles: ['arches/simple.yaml'], view: { activeFile: '#mapper' } });
    expect(applyLink(store, own, BUNDLED)).toBeNull();
    const pasted = encodeShareFragment({ v: 1, specFiles: ['arches/simple.yaml'], variables: { M: 2 } });
    expect(applyLink(store, pasted, BUNDLED)).toBeNull();
    expect(store.getState().files).toEqual({ 'arches/simple.yaml': 'arch: {}\n' });
    expect(store.getState().variables).toEqual({ M: 2 });
    expect(applyLink(store, '#s=%%%', BUNDLED)).toMatch(/damaged/);
  });
});
