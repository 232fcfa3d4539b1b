import { describe, expect, it } from 'vitest';
import type { CheckResult, DesignFiles, EvaluateDesignResult } from '../../src/engine/api.js';
import { specError } from '../../src/engine/base/errors.js';
import { createEngineClient } from '../../src/worker/client.js';
import { createInProcessTransportFactory } from '../../src/worker/in-process-transport.js';
import { CHECK_UNAVAILABLE } from '../../src/worker/engine-api.js';
import type { AssistQuery, EngineTransport, MapDesignResult, MapRunEvent, MapRunListener, TransportFactory } from '../../src/worker/protocol.js';

const DESIGN: DesignFiles = { files: { 'a.yaml': 'arch: {}' }, specFiles: ['a.yaml'], variables: {} };

function resultWith(message: string): CheckResult {
  return { errors: [specError('schema', message)], einsums: [], archPaths: [] };
}

/** A transport whose calls settle only when the test says so, like a busy worker. */
function manualTransport() {
  const calls: { design: DesignFiles; resolve(r: CheckResult): void }[] = [];
  const evaluations: ((r: EvaluateDesignResult) => void)[] = [];
  const crashes: ((message: string) => void)[] = [];
  const queries: AssistQuery[] = [];
  const maps: { resolve(r: MapDesignResult): void; onEvent: MapRunListener | undefined }[] = [];
  let created = 0;
  let terminated = 0;
  const factory: TransportFactory = (onCrash) => {
    created++;
    crashes.push(onCrash);
    const transport: EngineTransport = {
      inProcess: false,
      terminate: () => void terminated++,
      api: {
        checkDesign: (design) => new Promise((resolve) => calls.push({ design, resolve })),
        evaluateDesign: () => new Promise((resolve) => evaluations.push(resolve)),
        mapDesign: (_design, _options, onEvent) => new Promise((resolve) => maps.push({ resolve, onEvent })),
        evaluatePoint: (_design, mappingYaml) => Promise.resolve({ errors: [], evaluation: null, noMapping: mappingYaml === '' }),
        hover: (query) => (queries.push(query), Promise.resolve(`hover ${query.line}`)),
        complete: (query) => (queries.push(query), Promise.resolve({ from: query.col, items: [] })),
        convertTimeloop: () => Promise.resolve({ errors: [], yaml: 'arch: {}', report: { format: 'v0.4', items: [] } }),
      },
    };
    return transport;
  };
  return { factory, calls, evaluations, crashes, queries, maps, counts: () => ({ created, terminated }) };
}

describe('createEngineClient', () => {
  it('checks in-process and reports a missing engine as a SpecError', async () => {
    const client = createEngineClient(createInProcessTransportFactory({}));
    const outcome = await client.checkDesign(DESIGN);
    expect(outcome.status).toBe('ok');
    expect(outcome.status === 'ok' && outcome.value.errors.map((e) => e.message)).toEqual([CHECK_UNAVAILABLE]);
  });

  it('passes the design to the engine and tags the result with its generation', async () => {
    const seen: DesignFiles[] = [];
    const client = createEngineClient(
      createInProcessTransportFactory({ checkDesign: (d) => (seen.push(d), resultWith('ok')) }),
    );
    await client.checkDesign(DESIGN);
    const second = await client.checkDesign(DESIGN);
    expect(seen).toEqual([DESIGN, DESIGN]);
    expect(second).toEqual({ status: 'ok', value: resultWith('ok'), generation: 2 });
  });

  it('turns an engine exception into a SpecError without a stack', async () => {
    const client = createEngineClient(
      createInProcessTransportFactory({
        checkDesign: () => {
          throw new TypeError('x is undefined');
        },
      }),
    );
    const outcome = await client.checkDesign(DESIGN);
    expect(outcome.status === 'ok' && outcome.value.errors[0]?.message).toBe('internal engine error: x is undefined');
  });

  it('evaluates on the run channel: cancelling it leaves a pending check alone', async () => {
    const t = manualTransport();
    const client = createEngineClient(t.factory);
    const check = client.checkDesign(DESIGN);
    const evaluation = client.evaluateDesign(DESIGN);
    expect(t.counts().created).toBe(2);
    client.cancel('run');
    expect(await evaluation).toEqual({ status: 'cancelled' });
    t.calls[0]?.resolve(resultWith('still here'));
    expect(await check).toEqual({ status: 'ok', value: resultWith('still here'), generation: 1 });
    const again = client.evaluateDesign(DESIGN);
    const done: EvaluateDesignResult = { errors: [], evaluation: null, noMapping: true };
    t.evaluations[1]?.(done);
    expect(await again).toEqual({ status: 'ok', value: done, generation: 3 });
  });

  it('drops a slower older result: latest wins', async () => {
    const t = manualTransport();
    const client = createEngineClient(t.factory);
    const first = client.checkDesign(DESIGN);
    const second = client.checkDesign(DESIGN);
    t.calls[1]?.resolve(resultWith('new'));
    t.calls[0]?.resolve(resultWith('old'));
    expect(await second).toEqual({ status: 'ok', value: resultWith('new'), generation: 2 });
    expect(await first).toEqual({ status: 'stale' });
  });

  it('cancels by terminating the worker and starts a fresh one for the next call', async () => {
    const t = manualTransport();
    const client = createEngineClient(t.factory);
    const pending = client.checkDesign(DESIGN);
    client.cancel('check');
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(t.counts()).toEqual({ created: 1, terminated: 1 });
    const next = client.checkDesign(DESIGN);
    t.calls[1]?.resolve(resultWith('after'));
    expect((await next).status).toBe('ok');
    expect(t.counts().created).toBe(2);
  });

  it('settles calls of a crashed worker, reports it, and restarts on the next call', async () => {
    const t = manualTransport();
    const notices: string[] = [];
    const client = createEngineClient(t.factory, { onNotice: (m) => notices.push(m) });
    const pending = client.checkDesign(DESIGN);
    t.crashes[0]?.('out of memory');
    expect(await pending).toEqual({ status: 'crashed', message: 'out of memory' });
    expect(notices).toEqual(['The engine stopped (out of memory) and was restarted.']);
    void client.checkDesign(DESIGN);
    expect(t.counts()).toEqual({ created: 2, terminated: 1 });
  });

  it('sends the newest check that found names along with hover and completion, and keeps both answers', async () => {
    const manual = manualTransport();
    const client = createEngineClient(manual.factory);
    const named: CheckResult = { errors: [], einsums: [{ name: 'E', rankVariableBounds: { m: 4 }, tensorSizes: { A: 4 }, macs: 4 }], archPaths: [] };
    const checked = client.checkDesign(DESIGN);
    manual.calls[0]?.resolve(named);
    await checked;
    const empty = client.checkDesign(DESIGN);
    manual.calls[1]?.resolve(resultWith('broken'));
    await empty;
    const [hover, completion] = await Promise.all([
      client.hover({ text: 'a: 1', line: 1, col: 1 }),
      client.complete({ text: 'a: 1', line: 1, col: 2 }),
    ]);
    expect(hover).toEqual({ status: 'ok', value: 'hover 1', generation: 0 });
    expect(completion.status).toBe('ok');
    expect(manual.queries.map((q) => q.check)).toEqual([named, named]);
  });

  it('streams mapper events until the run is cancelled, then drops the late ones', async () => {
    const t = manualTransport();
    const client = createEngineClient(t.factory);
    const seen: MapRunEvent[] = [];
    const run = client.mapDesign(DESIGN, {}, (event) => seen.push(event));
    const listener = t.maps[0]?.onEvent;
    listener?.({ type: 'templates', einsum: 'E0', count: 3 });
    listener?.({ type: 'einsum-front', einsum: 'E0', front: [{ energy: 2, latency: 5 }] });
    client.cancel('run');
    listener?.({ type: 'final', front: [] });
    expect(await run).toEqual({ status: 'cancelled' });
    expect(seen.map((e) => e.type)).toEqual(['templates', 'einsum-front']);
  });

  it('drops the events of an older map once a newer one starts', async () => {
    const t = manualTransport();
    const client = createEngineClient(t.factory);
    const older: string[] = [];
    const newer: string[] = [];
    const first = client.mapDesign(DESIGN, {}, (e) => older.push(e.type));
    const second = client.mapDesign(DESIGN, {}, (e) => newer.push(e.type));
    t.maps[0]?.onEvent?.({ type: 'final', front: [] });
    t.maps[1]?.onEvent?.({ type: 'join-step', step: 1, einsum: 'E1', front: [] });
    const done: MapDesignResult = { errors: [], evaluation: null, pareto: [], front: [], bestIndex: -1, stats: null };
    t.maps[0]?.resolve(done);
    t.maps[1]?.resolve(done);
    expect(await first).toEqual({ status: 'stale' });
    expect((await second).status).toBe('ok');
    expect([older, newer]).toEqual([[], ['join-step']]);
  });

  it('evaluates front points on their own channel, leaving a running map alone', async () => {
    const t = manualTransport();
    const client = createEngineClient(t.factory);
    const map = client.mapDesign(DESIGN, {});
    const point = await client.evaluatePoint(DESIGN, '');
    expect(point).toEqual({ status: 'ok', value: { errors: [], evaluation: null, noMapping: true }, generation: 1 });
    expect(t.counts().created).toBe(2);
    client.cancel('run');
    expect(await map).toEqual({ status: 'cancelled' });
  });
});
