import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specError } from '../../../src/engine/base/errors.js';
import { looksLikeTimeloop } from '../../../src/ui/features/timeloop/detect.js';
import { IMPORT_SHOWN_NOTICE, importTimeloop } from '../../../src/ui/features/timeloop/import-timeloop.js';
import { restoreRecentDesign } from '../../../src/ui/store/sync.js';
import { IMPORTED_SPEC_PATH } from '../../../src/ui/store/import-slice.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import type { CallOutcome } from '../../../src/worker/client.js';
import type { TimeloopImport } from '../../../src/worker/protocol.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/timeloop/v4-2ffec69/workspace/tutorial_exercises/01_accelergy_timeloop_2020_ispass/timeloop/01-model-conv1d-2level');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const example = (path: string) => readFileSync(join(import.meta.dirname, '../../../src/examples', path), 'utf8');

describe('looksLikeTimeloop', () => {
  it('recognises Timeloop v0.4 architecture, problem and mapping files', () => {
    expect(looksLikeTimeloop(fixture('arch/2level.arch.yaml'))).toBe(true);
    expect(looksLikeTimeloop(fixture('prob/conv1d.prob.yaml'))).toBe(true);
    expect(looksLikeTimeloop(fixture('map/conv1d-2level-os.map.yaml'))).toBe(true);
  });

  it('recognises v0.3 subtrees, ERTs and constraint lists', () => {
    expect(looksLikeTimeloop('arch:\n  subtree:\n  - name: PE\n    local:\n    - name: Buf\n')).toBe(true);
    expect(looksLikeTimeloop('ERT:\n  tables: []\n')).toBe(true);
    expect(looksLikeTimeloop('constraints:\n  targets:\n  - target: Buf\n    type: bypass\n')).toBe(true);
  });

  it('leaves AccelForge specs alone', () => {
    expect(looksLikeTimeloop(example('arches/simple.yaml'))).toBe(false);
    expect(looksLikeTimeloop(example('workloads/basic/matmuls.yaml'))).toBe(false);
    expect(looksLikeTimeloop('mapping:\n  nodes:\n  - !Storage\n    tensors: [A]\n    component: Buf\n')).toBe(false);
  });
});

function stubClient(outcome: CallOutcome<TimeloopImport>) {
  const seen: string[][] = [];
  return {
    seen,
    convertTimeloop: async (files: readonly { path: string }[]) => (seen.push(files.map((f) => f.path)), outcome),
  };
}

describe('importTimeloop', () => {
  it('replaces the design by the converted spec and keeps the report', async () => {
    const store = createExplorerStore({ files: { 'a.yaml': 'arch: {}' }, specFiles: ['a.yaml'], variables: { X: 1 } });
    const report = { format: 'v0.4', items: [{ kind: 'dropped' as const, feature: 'sparse_optimizations', reason: 'no counterpart' }] };
    const client = stubClient({ status: 'ok', generation: 1, value: { errors: [], yaml: 'arch: {nodes: []}\n', report } });
    const loaded = await importTimeloop(store, client, [{ path: 'arch.yaml', text: 'architecture: {}' }]);
    const state = store.getState();
    expect(loaded).toBe(true);
    expect(client.seen).toEqual([['arch.yaml']]);
    expect(state.files).toEqual({ [IMPORTED_SPEC_PATH]: 'arch: {nodes: []}\n' });
    expect(state.specFiles).toEqual([IMPORTED_SPEC_PATH]);
    expect(state.activeFile).toBe(IMPORTED_SPEC_PATH);
    expect(state.variables).toEqual({});
    expect(state.timeloopReport).toEqual({ report, sources: ['arch.yaml'] });
    // The replaced design is one click away in Recent.
    expect(state.notices).toEqual([IMPORT_SHOWN_NOTICE]);
    expect(state.recentDesigns.map((d) => d.name)).toEqual(['a.yaml']);
    restoreRecentDesign(store, state.recentDesigns[0]!, {});
    expect([store.getState().files['a.yaml'], store.getState().specFiles, store.getState().variables]).toEqual(['arch: {}', ['a.yaml'], { X: 1 }]);
  });

  it('puts conversion errors in the error list and keeps the design', async () => {
    const store = createExplorerStore({ files: { 'a.yaml': 'arch: {}' }, specFiles: ['a.yaml'] });
    const error = specError('yaml', 'YAML syntax error', { pos: { file: 'p.yaml', line: 3, col: 10 } });
    const loaded = await importTimeloop(store, stubClient({ status: 'ok', generation: 1, value: { errors: [error], yaml: null, report: null } }), [
      { path: 'p.yaml', text: 'problem: [' },
    ]);
    expect(loaded).toBe(false);
    expect(store.getState().importErrors).toEqual([error]);
    expect(store.getState().specFiles).toEqual(['a.yaml']);
    store.getState().markDesignEdited();
    expect(store.getState().importErrors).toEqual([]);
  });

  it('does nothing without files and reports a crashed worker as a notice', async () => {
    const store = createExplorerStore();
    const client = stubClient({ status: 'crashed', message: 'out of memory' });
    expect(await importTimeloop(store, client, [])).toBe(false);
    expect(client.seen).toEqual([]);
    expect(await importTimeloop(store, client, [{ path: 'x.yaml', text: 'problem: {}' }])).toBe(false);
    expect(store.getState().notices).toEqual(['Timeloop import failed: out of memory']);
  });
});
