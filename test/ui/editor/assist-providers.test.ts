import { describe, expect, it } from 'vitest';
import { askAssist } from '../../../src/ui/editor/assist-providers.js';
import type { CallOutcome } from '../../../src/worker/client.js';

describe('askAssist', () => {
  it('asks after the delay and returns the answer', async () => {
    let asked = 0;
    const answer = await askAssist({ isCancellationRequested: false }, async (): Promise<CallOutcome<string>> => (asked++, { status: 'ok', value: 'size', generation: 0 }), 1);
    expect(answer).toBe('size');
    expect(asked).toBe(1);
  });

  it('never asks when Monaco cancelled during the delay (the user kept typing)', async () => {
    const token = { isCancellationRequested: false };
    let asked = 0;
    const pending = askAssist(token, async (): Promise<CallOutcome<string>> => (asked++, { status: 'ok', value: 'x', generation: 0 }), 5);
    token.isCancellationRequested = true;
    expect(await pending).toBeNull();
    expect(asked).toBe(0);
  });

  it('drops answers that arrive after cancellation or that failed', async () => {
    const token = { isCancellationRequested: false };
    const late = await askAssist(token, async (): Promise<CallOutcome<string>> => {
      token.isCancellationRequested = true;
      return { status: 'ok', value: 'late', generation: 0 };
    }, 1);
    expect(late).toBeNull();
    const failed = await askAssist({ isCancellationRequested: false }, async (): Promise<CallOutcome<string>> => ({ status: 'failed', message: 'boom' }), 1);
    expect(failed).toBeNull();
  });
});
