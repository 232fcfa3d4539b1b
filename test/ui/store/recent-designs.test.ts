/** Links never destroy work: the design a link replaces goes to Recent and comes back byte for byte. */
import { describe, expect, it, vi } from 'vitest';
import { decodeShareFragment, encodeShareFragment, MAX_LINK_TIME_LIMIT_SECONDS } from '../../../src/ui/share/codec.js';
import { AUTOSAVE_FULL, LOCAL_KEY } from '../../../src/ui/store/local-save.js';
import { MAX_RECENT_DESIGNS, recentEntry, sameDesign, withRecent } from '../../../src/ui/store/recent-designs.js';
import { DEFAULT_MAPPER } from '../../../src/ui/store/spec-slice.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { applyLink, LINK_SHOWN_NOTICE, restoreRecentDesign, restoreState, startSync } from '../../../src/ui/store/sync.js';

const BUNDLED = { 'arches/simple.yaml': 'arch: {}\n', 'workloads/mm.yaml': 'workload: {}\n' };
// Unsaved work: text no link or bundle holds, with trailing spaces, tabs, unicode and no final newline.
const WORK = '# my design  \n\tarch: {nodes: []}\n# ünïcødé ✓ 𝄞\r\nlast line';
const AUTOSAVED = { files: { 'arches/simple.yaml': WORK, 'workloads/mm.yaml': 'workload: {}\n' }, specFiles: ['arches/simple.yaml', 'workloads/mm.yaml'], variables: { M: 64 } };

function storageWith(value: unknown) {
  const items = new Map<string, string>([[LOCAL_KEY, JSON.stringify(value)]]);
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

const OTHER_LINK = encodeShareFragment({ v: 1, specFiles: ['arches/simple.yaml'], variables: { M: 8 } });

describe('opening a link over autosaved work', () => {
  it('keeps the autosaved design in Recent, says which design shows, and restores it byte for byte', () => {
    const restored = restoreState({ hash: OTHER_LINK, storage: storageWith(AUTOSAVED), bundled: BUNDLED, now: () => 1_000 });
    expect(restored.notices).toEqual([LINK_SHOWN_NOTICE]);
    expect(restored.data.files).toEqual({ 'arches/simple.yaml': 'arch: {}\n' });
    expect(restored.data.recentDesigns).toHaveLength(1);
    expect(restored.data.recentDesigns?.[0]).toMatchObject({ name: 'simple.yaml + mm.yaml', savedAt: 1_000 });

    const store = createExplorerStore(restored.data);
    restoreRecentDesign(store, store.getState().recentDesigns[0]!, BUNDLED, 2_000);
    const state = store.getState();
    expect(state.files['arches/simple.yaml']).toBe(WORK);
    expect(state.specFiles).toEqual(AUTOSAVED.specFiles);
    expect(state.variables).toEqual({ M: 64 });
    // The link's design is now in Recent too: switching back and forth loses nothing.
    expect(state.recentDesigns.map((d) => d.name)).toEqual(['simple.yaml', 'simple.yaml + mm.yaml']);
  });

  it('says nothing and keeps nothing when the link holds the autosaved design', () => {
    const same = encodeShareFragment({ v: 1, files: { 'arches/simple.yaml': WORK }, specFiles: AUTOSAVED.specFiles, variables: { M: 64 }, view: { breakdownBy: 'einsum' } });
    const restored = restoreState({ hash: same, storage: storageWith(AUTOSAVED), bundled: BUNDLED });
    expect(restored.notices).toEqual([]);
    expect(restored.data.recentDesigns).toBeUndefined();
  });

  it('keeps the open design when a link is pasted into the address bar of the same tab', () => {
    const store = createExplorerStore({ ...AUTOSAVED });
    expect(applyLink(store, OTHER_LINK, BUNDLED, 5)).toBeNull();
    expect(store.getState().notices).toEqual([LINK_SHOWN_NOTICE]);
    const kept = store.getState().recentDesigns[0]!;
    const decoded = decodeShareFragment(kept.fragment);
    expect(decoded.ok && decoded.payload.files).toEqual({ 'arches/simple.yaml': WORK });
  });

  it("caps a link's mapper time limit at 60 s and says so", () => {
    const hash = encodeShareFragment({ v: 1, specFiles: ['arches/simple.yaml'], mapper: { timeLimitSeconds: 86_400 } });
    const restored = restoreState({ hash, storage: storageWith({}), bundled: BUNDLED });
    expect(MAX_LINK_TIME_LIMIT_SECONDS).toBe(60);
    expect(restored.data.mapper).toEqual({ ...DEFAULT_MAPPER, timeLimitSeconds: 60 });
    expect(restored.notices).toEqual(['The link asked for a mapper time limit of 86,400 s; it is set to 60 s. Raise it in mapper settings if you mean to run that long.']);
    const modest = encodeShareFragment({ v: 1, specFiles: ['arches/simple.yaml'], mapper: { timeLimitSeconds: 30 } });
    expect(restoreState({ hash: modest, storage: storageWith({}), bundled: BUNDLED }).data.mapper?.timeLimitSeconds).toBe(30);
  });

  it('the Recent list keeps the newest ten, without repeats', () => {
    const entry = (i: number) => ({ name: `d${i}`, savedAt: i, fragment: `#s=${i}` });
    let list = Array.from({ length: 12 }, (_, i) => entry(i)).reduce((acc, e) => withRecent(acc, e), [] as ReturnType<typeof entry>[]);
    expect(list.map((e) => e.name)).toEqual(['d11', 'd10', 'd9', 'd8', 'd7', 'd6', 'd5', 'd4', 'd3', 'd2']);
    list = withRecent(list, { ...entry(5), savedAt: 99 });
    expect(list).toHaveLength(MAX_RECENT_DESIGNS);
    expect(list[0]).toEqual({ name: 'd5', savedAt: 99, fragment: '#s=5' });
    expect(list.filter((e) => e.name === 'd5')).toHaveLength(1);
  });

  it('compares designs by spec texts, variables and mapper settings only', () => {
    const base = { ...AUTOSAVED, mapper: DEFAULT_MAPPER };
    expect(sameDesign(base, { ...base, files: { ...base.files, 'unused.yaml': 'x' } })).toBe(true);
    expect(sameDesign(base, { ...base, variables: { M: 65 } })).toBe(false);
    expect(sameDesign(base, { ...base, mapper: { ...DEFAULT_MAPPER, metric: 'energy' } })).toBe(false);
    expect(sameDesign(base, { ...base, files: { ...base.files, 'arches/simple.yaml': WORK + ' ' } })).toBe(false);
    expect(recentEntry({ ...base, breakdownBy: 'component', selectedEinsum: null, activeFile: 'arches/simple.yaml' }, BUNDLED, 0).name).toBe('simple.yaml + mm.yaml');
  });
});

describe('autosave when storage is full', () => {
  it('reports every failed save, and clears the problem once saving works again', () => {
    vi.useFakeTimers();
    let full = true;
    const storage = {
      setItem: () => {
        if (full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      },
    };
    const store = createExplorerStore({ ...AUTOSAVED });
    const stop = startSync(store, { storage, bundled: BUNDLED, replaceHash: () => {}, onSaved: (p) => store.getState().setAutosaveProblem(p), debounceMs: 10 });
    store.getState().setFileText('arches/simple.yaml', 'a: 1');
    vi.advanceTimersByTime(20);
    expect(store.getState().autosaveProblem).toBe(AUTOSAVE_FULL);
    expect(store.getState().notices).toEqual([AUTOSAVE_FULL]);
    store.getState().setFileText('arches/simple.yaml', 'a: 2');
    vi.advanceTimersByTime(20);
    expect(store.getState().notices).toEqual([AUTOSAVE_FULL]);
    full = false;
    store.getState().setFileText('arches/simple.yaml', 'a: 3');
    vi.advanceTimersByTime(20);
    expect(store.getState().autosaveProblem).toBeNull();
    stop();
    vi.useRealTimers();
  });
});
