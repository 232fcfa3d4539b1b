import { describe, expect, it } from 'vitest';
import type { CheckResult, DesignFiles, EvaluateDesignResult } from '../../src/engine/api.js';
import { specError } from '../../src/engine/base/errors.js';
import { createEngineClient } from '../../src/worker/client.js';
import { createInProcessTransportFactory } from '../../src/worker/in-process-transport.js';
import { CHECK_UNAVAILABLE } from '../../src/worker/engine-api.js';
import type { AssistQuery, EngineTransport, TransportFactory } from '../../src/worker/protocol.js';

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
        mapDesign: () => Promise.resolve({ errors: [], evaluation: null, pareto: [], stats: null }),
        hover: (query) => (queries.push(query), Promise.resolve(`hover ${query.line}`)),
        complete: (query) => (queries.push(query), Promise.resolve({ from: query.col, items: [] })),
        convertTimeloop: () => Promise.resolve({ errors: [], yaml: 'arch: {}', report: { format: 'v0.4', items: [] } }),
      },
    };
    return transport;
  };
  return { factory, calls, evaluations, crashes, queries, counts: () => ({ created, terminated }) };
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
});
