/** Every engine call can end: per-channel limits replace a hung or silently exited worker, and a newer check replaces a slow one. */
import { describe, expect, it } from 'vitest';
import type { CheckResult, DesignFiles } from '../../src/engine/api.js';
import { specError } from '../../src/engine/base/errors.js';
import { CALL_LIMITS_MS, createEngineClient, type CallOutcome, type EngineClient } from '../../src/worker/client.js';
import type { EngineApi, EngineTransport, TransportFactory } from '../../src/worker/protocol.js';

const DESIGN: DesignFiles = { files: { 'a.yaml': 'arch: {}' }, specFiles: ['a.yaml'], variables: {} };
const ANSWER: CheckResult = { errors: [specError('schema', 'answered')], einsums: [], archPaths: [] };
const LIMIT_MS = 40;

const never = <T>() => new Promise<T>(() => {});

/**
 * Workers numbered from 0; those listed in `hung` never answer anything (like a worker stuck in a
 * loop, or one that exited without an error event), the others answer at once.
 */
function fakeWorkers(hung: readonly number[], inProcess = false) {
  let created = 0;
  const terminated: number[] = [];
  const factory: TransportFactory = () => {
    const id = created++;
    const answer = <T>(value: T): Promise<T> => (hung.includes(id) ? never<T>() : Promise.resolve(value));
    const api: EngineApi = {
      checkDesign: () => answer(ANSWER),
      evaluateDesign: () => answer({ errors: [], evaluation: null, noMapping: true }),
      mapDesign: () => never(),
      evaluatePoint: () => answer({ errors: [], evaluation: null, noMapping: true }),
      hover: () => answer('hover text'),
      complete: () => answer({ from: 1, items: [] }),
      convertTimeloop: () => answer({ errors: [], yaml: 'arch: {}', report: { format: 'v0.4', items: [] } }),
    };
    const transport: EngineTransport = { api, inProcess, terminate: () => void terminated.push(id) };
    return transport;
  };
  return { factory, created: () => created, terminated };
}

function clientWith(workers: ReturnType<typeof fakeWorkers>, notices: string[], supersedeAfterMs = 10_000): EngineClient {
  const limitsMs = { check: LIMIT_MS, assist: LIMIT_MS, point: LIMIT_MS, import: LIMIT_MS };
  return createEngineClient(workers.factory, { onNotice: (m) => notices.push(m), limitsMs, supersedeAfterMs });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('engine call limits', () => {
  it('gives check, hint, point and import calls a limit; runs and sweeps have the Cancel button instead', () => {
    expect(CALL_LIMITS_MS).toEqual({ check: 30_000, assist: 15_000, point: 60_000, import: 60_000, run: null, sweep: null });
  });

  it('ends a check the worker never answers, replaces the worker, and the next check is answered', async () => {
    const workers = fakeWorkers([0]);
    const notices: string[] = [];
    const client = clientWith(workers, notices);
    const started = Date.now();
    const hung = await client.checkDesign(DESIGN);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMIT_MS - 5);
    expect(hung).toEqual({ status: 'crashed', message: 'the engine did not answer a spec check within 0.04 s' });
    expect(workers.terminated).toEqual([0]);
    expect(notices).toEqual(['The engine did not answer a spec check within 0.04 s and was restarted. Checking resumes with your next edit.']);
    const next = await client.checkDesign(DESIGN);
    expect(next).toEqual({ status: 'ok', value: ANSWER, generation: 2 });
    expect(workers.created()).toBe(2);
  });

  it.each([
    ['assist', 'an editor hint', (c: EngineClient) => c.hover({ text: 'a: 1', line: 1, col: 1 })],
    ['assist', 'an editor hint', (c: EngineClient) => c.complete({ text: 'a: 1', line: 1, col: 1 })],
    ['point', 'a Pareto point evaluation', (c: EngineClient) => c.evaluatePoint(DESIGN, 'mapping: {}')],
    ['import', 'a Timeloop import', (c: EngineClient) => c.convertTimeloop([{ path: 't.yaml', text: 'x: 1' }])],
  ] as const)('ends a hung %s call (%s) and answers the retry on a fresh worker', async (_channel, what, invoke) => {
    const workers = fakeWorkers([0]);
    const notices: string[] = [];
    const client = clientWith(workers, notices);
    const hung: CallOutcome<unknown> = await invoke(client);
    expect(hung).toEqual({ status: 'crashed', message: `the engine did not answer ${what} within 0.04 s` });
    expect(notices).toEqual([`The engine did not answer ${what} within 0.04 s and was restarted.`]);
    expect((await invoke(client)).status).toBe('ok');
    expect(workers.terminated).toEqual([0]);
  });

  it('ends every call queued on a hung worker with it, and leaves other channels alone', async () => {
    const workers = fakeWorkers([0]);
    const client = clientWith(workers, []);
    const first = client.hover({ text: 'a', line: 1, col: 1 });
    const second = client.complete({ text: 'a', line: 1, col: 1 });
    const check = client.checkDesign(DESIGN);
    expect((await first).status).toBe('crashed');
    expect((await second).status).toBe('crashed');
    // The check lane has its own worker (number 1), which answers.
    expect(await check).toEqual({ status: 'ok', value: ANSWER, generation: 1 });
    expect(workers.terminated).toEqual([0]);
  });

  it('on the page thread a call past its limit ends, but nothing can be restarted', async () => {
    const workers = fakeWorkers([0], true);
    const notices: string[] = [];
    const client = clientWith(workers, notices);
    expect((await client.checkDesign(DESIGN)).status).toBe('crashed');
    expect(workers.terminated).toEqual([]);
    expect(notices).toEqual(['The engine did not answer a spec check within 0.04 s.']);
  });

  it('a newer check replaces a worker stuck on an older one; the older comes back stale', async () => {
    const workers = fakeWorkers([0]);
    const client = createEngineClient(workers.factory, { supersedeAfterMs: 20, limitsMs: { check: 10_000 } });
    const older = client.checkDesign(DESIGN);
    await sleep(30);
    const newer = client.checkDesign(DESIGN);
    expect(await older).toEqual({ status: 'stale' });
    expect(await newer).toEqual({ status: 'ok', value: ANSWER, generation: 2 });
    expect(workers.terminated).toEqual([0]);
  });

  it('a newer check right after an older one waits for it instead of restarting the worker', async () => {
    const workers = fakeWorkers([]);
    const client = createEngineClient(workers.factory, { supersedeAfterMs: 10_000 });
    const [older, newer] = await Promise.all([client.checkDesign(DESIGN), client.checkDesign(DESIGN)]);
    expect([older.status, newer.status]).toEqual(['stale', 'ok']);
    expect(workers.created()).toBe(1);
    expect(workers.terminated).toEqual([]);
  });

  it('a call answered in time clears its timer: no late notice, no restart', async () => {
    const workers = fakeWorkers([]);
    const notices: string[] = [];
    const client = clientWith(workers, notices);
    expect((await client.checkDesign(DESIGN)).status).toBe('ok');
    await sleep(LIMIT_MS * 2);
    expect(notices).toEqual([]);
    expect(workers.terminated).toEqual([]);
  });

  it('ends a map its worker never answers a grace period after the map\'s own time limit; a map without one has no limit', async () => {
    const workers = fakeWorkers([0, 1]);
    const notices: string[] = [];
    const client = createEngineClient(workers.factory, { onNotice: (m) => notices.push(m), mapGraceMs: 20 });
    expect(await client.mapDesign(DESIGN, { timeLimitSeconds: 0.02 }, () => {})).toEqual({ status: 'crashed', message: 'the engine did not answer a mapper run within 0.04 s' });
    expect(notices).toEqual(['The engine did not answer a mapper run within 0.04 s and was restarted.']);
    const unlimited = client.mapDesign(DESIGN, {});
    const settled = await Promise.race([unlimited.then(() => 'settled'), sleep(100).then(() => 'still running')]);
    expect(settled).toBe('still running');
    client.cancel('run');
    expect(await unlimited).toEqual({ status: 'cancelled' });
  });
});
