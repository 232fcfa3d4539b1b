import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesignFiles } from '../../../src/engine/api.js';
import { specError } from '../../../src/engine/base/errors.js';
import type { ExampleEntry } from '../../../src/ui/features/examples/catalogue.js';
import { startAutoCheck } from '../../../src/ui/features/run/auto-check.js';
import { buildDesign } from '../../../src/ui/features/run/design.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { createEngineClient } from '../../../src/worker/client.js';
import { createInProcessTransportFactory } from '../../../src/worker/in-process-transport.js';

const GPT: ExampleEntry = {
  id: 'gpt',
  kind: 'workload',
  path: 'workloads/gpt.yaml',
  title: 'gpt',
  description: '',
  variables: [
    { name: 'N_NEW_TOKENS', defaultValue: 2048, required: false, description: '' },
    { name: 'DECODE', defaultValue: false, required: true, description: '' },
    { name: 'NO_DEFAULT', defaultValue: null, required: false, description: '' },
  ],
  presets: [],
};

afterEach(() => {
  vi.useRealTimers();
});

describe('buildDesign', () => {
  it('layers user files over bundled ones and user variables over catalogue defaults', () => {
    const design = buildDesign(
      { files: { 'workloads/gpt.yaml': 'edited' }, specFiles: ['workloads/gpt.yaml'], variables: { DECODE: true } },
      { 'workloads/gpt.yaml': 'original', 'workloads/_part.yaml': 'part' },
      [GPT],
    );
    expect(design).toEqual({
      files: { 'workloads/gpt.yaml': 'edited', 'workloads/_part.yaml': 'part' },
      specFiles: ['workloads/gpt.yaml'],
      variables: { N_NEW_TOKENS: 2048, DECODE: true },
    });
  });

  it('ignores catalogue defaults of files that are not in the spec', () => {
    expect(buildDesign({ files: {}, specFiles: ['arches/a.yaml'], variables: {} }, {}, [GPT]).variables).toEqual({});
  });
});

describe('startAutoCheck', () => {
  it('checks once after a burst of edits and stores the errors', async () => {
    vi.useFakeTimers();
    const designs: DesignFiles[] = [];
    const client = createEngineClient(
      createInProcessTransportFactory({
        checkDesign: (d) => {
          designs.push(d);
          return { errors: [specError('yaml', `bad ${d.files['a.yaml']}`)], einsums: [], archPaths: [] };
        },
      }),
    );
    const store = createExplorerStore({ files: { 'a.yaml': 'v0' }, specFiles: ['a.yaml'] });
    const stop = startAutoCheck(store, { client, bundled: {}, examples: [] });
    store.getState().setFileText('a.yaml', 'v1');
    await vi.advanceTimersByTimeAsync(100);
    store.getState().setFileText('a.yaml', 'v2');
    expect(store.getState().checkFresh).toBe(false);
    await vi.advanceTimersByTimeAsync(350);
    expect(designs.map((d) => d.files['a.yaml'])).toEqual(['v2']);
    expect(store.getState().checkErrors.map((e) => e.message)).toEqual(['bad v2']);
    expect(store.getState().checkFresh).toBe(true);
    stop();
  });

  it('a check whose worker never answers marks the text unchecked, and the next edit checks again on a fresh worker', async () => {
    vi.useFakeTimers();
    let workers = 0;
    const answered: string[] = [];
    const client = createEngineClient(
      () => {
        const hung = workers++ === 0;
        const api = createInProcessTransportFactory({
          checkDesign: (d) => (answered.push(d.files['a.yaml'] ?? ''), { errors: [], einsums: [], archPaths: [] }),
        })(() => {}).api;
        return { inProcess: false, terminate: () => {}, api: { ...api, checkDesign: (d) => (hung ? new Promise(() => {}) : api.checkDesign(d)) } };
      },
      { onNotice: (m) => store.getState().addNotice(m), limitsMs: { check: 5_000 } },
    );
    const store = createExplorerStore({ files: { 'a.yaml': 'v0' }, specFiles: ['a.yaml'] });
    const stop = startAutoCheck(store, { client, bundled: {}, examples: [] });
    await vi.advanceTimersByTimeAsync(5_400);
    expect(store.getState().checkStalled).toBe(true);
    expect(store.getState().checkFresh).toBe(false);
    expect(store.getState().notices).toEqual(['The engine did not answer a spec check within 5 s and was restarted. Checking resumes with your next edit.']);
    store.getState().setFileText('a.yaml', 'v1');
    expect(store.getState().checkStalled).toBe(false);
    await vi.advanceTimersByTimeAsync(350);
    expect(answered).toEqual(['v1']);
    expect(store.getState().checkFresh).toBe(true);
    expect(workers).toBe(2);
    stop();
  });
});
