import { describe, expect, it } from 'vitest';
import { LOCAL_KEY, loadLocal, saveLocal } from '../../../src/ui/store/local-save.js';
import { keysWith, PERSISTENCE, pickSaved, type Persistence } from '../../../src/ui/store/persistence.js';
import { DEFAULT_DATA, type ExplorerData } from '../../../src/ui/store/state.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('PERSISTENCE', () => {
  it('has exactly one row per store data key', () => {
    expect(Object.keys(PERSISTENCE).sort()).toEqual(Object.keys(DEFAULT_DATA).sort());
  });

  it('is checked by the compiler for missing keys', () => {
    // @ts-expect-error: the table must name every key of ExplorerData
    const missing: { readonly [K in keyof ExplorerData]: Persistence } = { files: 'url' };
    expect(missing.files).toBe('url');
  });

  it('shares the design and autosaves layout but never results or errors', () => {
    expect(keysWith(['url']).sort()).toEqual([
      'activeFile',
      'breakdownBy',
      'files',
      'logScale',
      'mapper',
      'paretoX',
      'paretoY',
      'perCompute',
      'selectedEinsum',
      'selectedPoint',
      'specFiles',
      'stackBy',
      'sweep',
      'sweepShown',
      'variables',
    ]);
    expect(keysWith(['local'])).toEqual(['editorFraction', 'recentDesigns']);
    expect(keysWith(['none'])).toContain('checkErrors');
  });
});

describe('pickSaved', () => {
  it('drops session-only keys', () => {
    const saved = pickSaved({ ...DEFAULT_DATA, notices: ['x'], activeFile: 'a.yaml' });
    expect(saved).not.toHaveProperty('notices');
    expect(saved).not.toHaveProperty('checkErrors');
    expect(saved.activeFile).toBe('a.yaml');
  });
});

describe('local autosave', () => {
  it('round-trips an edited design', () => {
    const storage = memoryStorage();
    const store = createExplorerStore({ files: { 'a.yaml': 'x: 1' }, specFiles: ['a.yaml'] });
    store.getState().setFileText('a.yaml', 'x: 2');
    store.getState().setVariable('M', 64);
    store.getState().addNotice('should not be saved');
    saveLocal(storage, store.getState());
    const restored = loadLocal(storage);
    expect(restored.files).toEqual({ 'a.yaml': 'x: 2' });
    expect(restored.variables).toEqual({ M: 64 });
    expect(restored).not.toHaveProperty('notices');
  });

  it('skips malformed values but keeps the rest', () => {
    const storage = memoryStorage({
      [LOCAL_KEY]: JSON.stringify({ files: { 'a.yaml': 5 }, specFiles: ['a.yaml'], breakdownBy: 'colour' }),
    });
    expect(loadLocal(storage)).toEqual({ specFiles: ['a.yaml'] });
  });

  it('ignores storage that is not JSON', () => {
    expect(loadLocal(memoryStorage({ [LOCAL_KEY]: '{oops' }))).toEqual({});
  });
});
