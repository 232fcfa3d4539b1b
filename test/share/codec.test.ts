import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import {
  applySharePayload,
  createSharePayload,
  decodeShareFragment,
  encodeShareFragment,
  type ShareState,
} from '../../src/ui/share/codec.js';
import { migrateToLatest } from '../../src/ui/share/migrate.js';
import { MAX_LINK_CHARS, MAX_LINK_TEXT_CHARS } from '../../src/ui/share/codec.js';
import { repeatedCharBomb } from './lz-bomb.js';
import { DEFAULT_MAPPER, MAPPER_TAB } from '../../src/ui/store/spec-slice.js';
import { ENGINE_VERSION } from '../../src/engine/results/engine-version.js';

const BUNDLED = { 'arches/simple.yaml': 'arch: {}\n', 'workloads/basic/matmuls.yaml': 'workload: {}\n' };

const STATE: ShareState = {
  files: { 'arches/simple.yaml': 'arch: {edited: true}\n', 'workloads/basic/matmuls.yaml': 'workload: {}\n' },
  specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'],
  variables: { M: 128, DECODE: false },
  mapper: { ...DEFAULT_MAPPER, metric: 'latency' },
  breakdownBy: 'component',
  selectedEinsum: null,
  activeFile: 'workloads/basic/matmuls.yaml',
};

function linkOf(json: unknown): string {
  return '#s=' + compressToEncodedURIComponent(JSON.stringify(json));
}

describe('createSharePayload', () => {
  it('keeps only edited files and non-default knobs', () => {
    expect(createSharePayload(STATE, BUNDLED)).toEqual({
      v: 2,
      engine: ENGINE_VERSION,
      files: { 'arches/simple.yaml': 'arch: {edited: true}\n' },
      specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'],
      variables: { M: 128, DECODE: false },
      mapper: { metric: 'latency' },
      view: { activeFile: 'workloads/basic/matmuls.yaml' },
    });
  });

  it('is just the link and engine versions for an empty design', () => {
    const empty: ShareState = {
      ...STATE,
      files: {},
      specFiles: [],
      variables: {},
      mapper: DEFAULT_MAPPER,
      activeFile: MAPPER_TAB,
    };
    expect(createSharePayload(empty, BUNDLED)).toEqual({ v: 2, engine: ENGINE_VERSION });
  });
});

describe('share fragment round trip', () => {
  it('restores the same files, variables and knobs', () => {
    const fragment = encodeShareFragment(createSharePayload(STATE, BUNDLED));
    const decoded = decodeShareFragment(fragment);
    if (!decoded.ok) throw new Error(decoded.message);
    const data = applySharePayload(decoded.payload, BUNDLED);
    expect(data.files).toEqual(STATE.files);
    expect(data.specFiles).toEqual(STATE.specFiles);
    expect(data.variables).toEqual(STATE.variables);
    expect(data.mapper).toEqual(STATE.mapper);
    expect(data.activeFile).toBe('workloads/basic/matmuls.yaml');
  });
});

describe('decodeShareFragment', () => {
  it('decodes the golden v1 link', () => {
    const golden = readFileSync(new URL('./v1.link.txt', import.meta.url), 'utf8').trim();
    const decoded = decodeShareFragment(golden);
    if (!decoded.ok) throw new Error(decoded.message);
    const data = applySharePayload(decoded.payload, BUNDLED);
    expect(data.files).toEqual({
      'arches/simple.yaml': '# golden v1 link\narch:\n  nodes: []\n',
      'workloads/basic/matmuls.yaml': 'workload: {}\n',
    });
    expect(data.variables).toEqual({ GlobalBufferSize: 4096, DECODE: true, MODEL: 'gpt3' });
    expect(data.mapper).toEqual({ metric: 'latency', maxFusedLoops: 1, timeLimitSeconds: 60 });
    expect(data.breakdownBy).toBe('einsum');
    expect(data.selectedEinsum).toBe('Matmul0');
    expect(data.activeFile).toBe('arches/simple.yaml');
  });

  it('decodes the golden v1 link to a mapper point: the point by its index, no engine version', () => {
    const golden = readFileSync(new URL('./v1-point.link.txt', import.meta.url), 'utf8').trim();
    const decoded = decodeShareFragment(golden);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.payload.engine).toBeUndefined();
    expect(decoded.payload.view).toEqual({ point: { index: 2 }, pointFrom: 'mapper', paretoY: 'edp' });
    expect(applySharePayload(decoded.payload, BUNDLED)).toMatchObject({ selectedPoint: 2, paretoY: 'edp', variables: { N_EINSUMS: 2 } });
  });

  it('decodes the golden v2 link: the point by key with its figures, and the engine version', () => {
    const golden = readFileSync(new URL('./v2.link.txt', import.meta.url), 'utf8').trim();
    const decoded = decodeShareFragment(golden);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.payload.engine).toBe('0.1.0');
    expect(decoded.payload.view?.point).toEqual({ index: 4, key: '9c1e2b7a40d3f865', energy: 17235968, latency: 524288 });
    expect(decoded.payload.view?.pointFrom).toBe('mapper-unfused');
    const data = applySharePayload(decoded.payload, BUNDLED);
    expect(data.files).toEqual({
      'arches/simple.yaml': '# golden v2 link\narch:\n  nodes: []\n',
      'workloads/basic/matmuls.yaml': 'workload: {}\n',
    });
    expect(data.variables).toEqual({ N_EINSUMS: 2, M: 64 });
    expect(data.mapper).toEqual({ metric: 'edp', maxFusedLoops: DEFAULT_MAPPER.maxFusedLoops, timeLimitSeconds: 30 });
    expect(data.breakdownBy).toBe('tensor');
    expect(data.paretoX).toBe('energy');
    expect(data.selectedPoint).toBe(4);
  });

  it('refuses a v2 point with neither a hex key nor an index', () => {
    expect(decodeShareFragment(linkOf({ v: 2, view: { point: { index: 0, key: 'not hex!' } } }))).toEqual({
      ok: false,
      message: "The share link has an invalid field 'view.point.key'.",
    });
    expect(decodeShareFragment(linkOf({ v: 2, view: { point: { key: 'ab12' } } })).ok).toBe(false);
  });

  it('rejects a truncated link', () => {
    const fragment = encodeShareFragment({ v: 1, variables: { A: 1 } });
    expect(decodeShareFragment(fragment.slice(0, 12))).toEqual({
      ok: false,
      message: 'The share link is damaged (it may have been cut off).',
    });
  });

  it('rejects links from a newer app version', () => {
    const result = decodeShareFragment(linkOf({ v: 7 }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('newer version of the app (v7)');
  });

  it('names the invalid field', () => {
    const result = decodeShareFragment(linkOf({ v: 1, mapper: { metric: 'speed' } }));
    expect(result).toEqual({ ok: false, message: "The share link has an invalid field 'mapper.metric'." });
  });

  it('rejects fragments that are not share links', () => {
    expect(decodeShareFragment('#section-2').ok).toBe(false);
  });
});

describe('migrateToLatest', () => {
  it('passes the latest version through unchanged', () => {
    expect(migrateToLatest({ v: 2, specFiles: ['a.yaml'] })).toEqual({ ok: true, payload: { v: 2, specFiles: ['a.yaml'] } });
  });

  it("upgrades v1 to v2: the point's index becomes a point reference, nothing else changes", () => {
    const v1 = { v: 1, specFiles: ['a.yaml'], view: { selectedPoint: 3, pointFrom: 'mapper', stackBy: 'action' } };
    expect(migrateToLatest(v1)).toEqual({
      ok: true,
      payload: { v: 2, specFiles: ['a.yaml'], view: { point: { index: 3 }, pointFrom: 'mapper', stackBy: 'action' } },
    });
    expect(v1.view.selectedPoint).toBe(3);
    expect(migrateToLatest({ v: 1, variables: { M: 8 } })).toEqual({ ok: true, payload: { v: 2, variables: { M: 8 } } });
  });

  it('needs a version number', () => {
    expect(migrateToLatest({ files: {} })).toEqual({ ok: false, message: 'The link has no version number.' });
    expect(migrateToLatest([1])).toEqual({ ok: false, message: 'The link does not hold a design.' });
  });
});

describe('a link to a mapper point', () => {
  const mapped = (unfused: boolean): ShareState => ({
    ...STATE,
    selectedPoint: 2,
    results: { source: 'mapper', points: [], ...(unfused ? { unfused } : {}) },
  });

  it('says the point came from a mapper run, and whether it was unfused', () => {
    expect(createSharePayload(mapped(false), BUNDLED).view).toEqual({ activeFile: 'workloads/basic/matmuls.yaml', point: { index: 2 }, pointFrom: 'mapper' });
    expect(createSharePayload(mapped(true), BUNDLED).view?.pointFrom).toBe('mapper-unfused');
  });

  it('says nothing for an evaluated point or when no point is selected', () => {
    expect(createSharePayload({ ...mapped(false), results: { source: 'evaluate', points: [] } }, BUNDLED).view?.pointFrom).toBeUndefined();
    expect(createSharePayload({ ...mapped(false), selectedPoint: null }, BUNDLED).view?.pointFrom).toBeUndefined();
  });
});

describe('link size limits', () => {
  it('refuses a link longer than 2 million characters without reading it', () => {
    expect(MAX_LINK_CHARS).toBe(2_000_000);
    const result = decodeShareFragment('#s=' + 'A'.repeat(MAX_LINK_CHARS + 1));
    expect(result).toEqual({
      ok: false,
      message: 'The share link is too long (2 million characters; links of up to 2 million are opened). Open the design from its files instead: drop them on the editor.',
    });
  });

  it('refuses a 30 KB link that would expand to 100 MB, with a clear message', () => {
    const bomb = repeatedCharBomb(14_200);
    expect(bomb.body.length).toBeLessThan(40_000);
    expect(bomb.length).toBeGreaterThan(100_000_000);
    expect(MAX_LINK_TEXT_CHARS).toBe(4_000_000);
    expect(decodeShareFragment('#s=' + bomb.body)).toEqual({
      ok: false,
      message: 'The share link expands to more than 4 million characters, more than this page opens from a link. Open the design from its files instead: drop them on the editor.',
    });
  });

  it('opens a large but honest link (a 1 MB spec file)', () => {
    const big = '# ' + 'x'.repeat(80) + '\n';
    const text = Array.from({ length: 12_000 }, (_, i) => `${i}${big}`).join('');
    expect(text.length).toBeGreaterThan(1_000_000);
    const fragment = encodeShareFragment({ v: 1, files: { 'big.yaml': text }, specFiles: ['big.yaml'] });
    const decoded = decodeShareFragment(fragment);
    expect(decoded.ok && decoded.payload.files?.['big.yaml']).toBe(text);
  });
});

