import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_VERSION } from '../../../src/engine/results/engine-version.js';
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

  it("selects a link's mapper point by its key once the reader's run finishes, and says when the key is gone", () => {
    const ref = { index: 0, key: 'aaaa000000000002', energy: 2, latency: 2 };
    const hash = encodeShareFragment({ v: 2, engine: '0.0.9', specFiles: ['arches/simple.yaml'], view: { point: ref, pointFrom: 'mapper' } });
    const restored = restoreState({ hash, storage: storageWith({}), bundled: BUNDLED });
    expect(restored.data.linkRun).toBe('mapper');
    expect(restored.data.linkPoint).toEqual({ ref, from: 'mapper', engine: '0.0.9' });
    const front = (keys: string[]) => keys.map((key, i) => ({ energy: i + 1, latency: 3 - i, edp: (i + 1) * (3 - i), evaluation: null, mappingKey: key }));

    const store = createExplorerStore(restored.data);
    store.getState().startMapping();
    expect(store.getState().linkPoint).not.toBeNull();
    store.getState().setRunOutcome({ results: { source: 'mapper', points: front(['aaaa000000000001', 'aaaa000000000002']) }, errors: [], message: null });
    expect(store.getState().selectedPoint).toBe(1);
    expect(store.getState().linkPoint).toBeNull();
    expect(store.getState().notices).toEqual([]);

    const moved = createExplorerStore(restored.data);
    moved.getState().setRunOutcome({ results: { source: 'mapper', points: front(['ffff000000000001', 'ffff000000000002']) }, errors: [], message: null });
    expect(moved.getState().selectedPoint).toBe(1);
    expect(moved.getState().notices).toHaveLength(1);
    expect(moved.getState().notices[0]).toMatch(/^The link's point 1 \(energy 2 J, latency 2 s\) is not on this run's Pareto front: .* made with engine 0\.0\.9; .* Showing the nearest point instead: point 2 /);
  });

  it("keeps a link's point through an evaluation, for the mapper run after it", () => {
    const ref = { index: 0, key: 'aaaa000000000002', energy: 2, latency: 2 };
    const hash = encodeShareFragment({ v: 2, specFiles: ['arches/simple.yaml'], view: { point: ref, pointFrom: 'mapper' } });
    const store = createExplorerStore(restoreState({ hash, storage: storageWith({}), bundled: BUNDLED }).data);
    store.getState().setRunOutcome({ results: { source: 'evaluate', points: [{ energy: 1, latency: 1, edp: 1, evaluation: null }] }, errors: [], message: null });
    expect(store.getState().selectedPoint).toBe(0);
    expect(store.getState().linkPoint?.ref).toEqual(ref);
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
      v: 2,
      engine: ENGINE_VERSION,
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
