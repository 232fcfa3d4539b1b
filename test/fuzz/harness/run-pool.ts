/**
 * Runs fuzz jobs in a child process (case-child.ts) with a wall-clock limit per job. A job that
 * overruns is reported as a hang and the child is killed and replaced; a child that dies (for
 * example out of heap) is reported as a crash. The child's heap is capped so a blow-up stays small.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CaseOutcome, FuzzJob } from './case-types.js';

// Generous: a "does not hang" guard on a shared 2-core machine, never a speed goal.
export const CASE_TIME_LIMIT_MS = 15_000;
const CHILD_HEAP_MB = 768;
const STDERR_TAIL_CHARS = 2000;
const CHILD_SCRIPT = join(import.meta.dirname, 'case-child.ts');

interface Live {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
}

export class CaseRunner {
  private live: Live | undefined;
  private stderrTail: () => string = () => '';

  constructor(private readonly env: Readonly<Record<string, string>>) {}

  async run(job: FuzzJob, limitMs = CASE_TIME_LIMIT_MS): Promise<CaseOutcome> {
    const live = this.live ?? this.start();
    await live.ready;
    return new Promise<CaseOutcome>((resolve) => {
      const finish = (outcome: CaseOutcome): void => {
        clearTimeout(timer);
        live.child.off('message', onMessage);
        live.child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (message: CaseOutcome): void => finish(message);
      const onExit = (code: number | null, signal: string | null): void => {
        this.live = undefined;
        const why = this.stderrTail().split('\n').find((line) => /FATAL|Error/.test(line)) ?? '';
        finish({ ops: job.ops.map((op) => ({ op, errors: [], crash: `the process died (exit ${code}, signal ${signal}) ${why}`.trim() })) });
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ ops: [], hang: true });
      }, limitMs);
      live.child.on('message', onMessage);
      live.child.on('exit', onExit);
      live.child.send(job);
    });
  }

  /** Kills the child this runner started (by its own handle, never by name). */
  stop(): void {
    const live = this.live;
    this.live = undefined;
    if (live) {
      live.child.removeAllListeners('exit');
      live.child.kill('SIGKILL');
    }
  }

  private start(): Live {
    const child = fork(CHILD_SCRIPT, [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${CHILD_HEAP_MB}`],
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Structured clone keeps NaN and Infinity, which JSON would turn into null.
      serialization: 'advanced',
    });
    // Keep the tail of the child's stderr (it names the cause of a start-up failure or a fatal
    // heap error) and keep draining it so a chatty crash cannot block the child on a full pipe.
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    this.stderrTail = () => stderrTail;
    const ready = new Promise<void>((resolve, reject) => {
      const onReady = (message: { ready?: boolean }): void => {
        if (!message.ready) return;
        child.off('message', onReady);
        resolve();
      };
      child.on('message', onReady);
      child.once('exit', (code) => reject(new Error(`fuzz child exited during start-up (exit ${code}):\n${stderrTail}`)));
    });
    this.live = { child, ready };
    return this.live;
  }
}
