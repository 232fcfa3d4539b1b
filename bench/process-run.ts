/**
 * Runs one command as a whole process and measures it: wall time from spawn to exit, the peak
 * resident memory of its largest process (getrusage through /usr/bin/time, exact), and the peak
 * of the summed resident memory of its whole process group (sampled, because AccelForge maps in
 * joblib worker processes that getrusage reports only one at a time). A run past the timeout is
 * killed with its whole group and reported as a timeout, never waited for.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 200;
const PAGE_BYTES = 4096;
const MIB = 1024 * 1024;

export interface ProcessRun {
  readonly outcome: 'ok' | 'timeout' | 'error';
  readonly wallSeconds: number;
  /** Largest single process (ru_maxrss), MiB; null without /usr/bin/time. */
  readonly maxRssMiB: number | null;
  /** User + system CPU seconds of the process and the children it waited for; null without /usr/bin/time. */
  readonly cpuSeconds: number | null;
  /** Peak of the group's summed RSS over 200 ms samples, MiB (a shorter spike can be missed). */
  readonly groupRssMiB: number;
  readonly stdout: string;
  /** The last lines of stderr, for error reports. */
  readonly stderrTail: string;
}

/** Sum of VmRSS over the processes whose process group is `group`, in bytes. */
function groupRssBytes(group: number, exclude: number | null): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === exclude) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      total += Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** GNU time's `%M %U %S` line (after a 'Command exited with non-zero status' line, if any). */
function readRusage(file: string): { maxRssMiB: number | null; cpuSeconds: number | null } {
  if (!existsSync(file)) return { maxRssMiB: null, cpuSeconds: null };
  const [kib, user, system] = (readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  rmSync(file, { force: true });
  const known = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);
  return { maxRssMiB: known(kib) ? kib / 1024 : null, cpuSeconds: known(user) && known(system) ? user + system : null };
}

/** True when GNU time is installed (it reports ru_maxrss of the command). */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Spawns `command args` in `cwd` as the leader of a new process group and measures it. */
export function runMeasured(command: string, args: readonly string[], cwd: string, timeoutSeconds: number): Promise<ProcessRun> {
  const rssFile = join(cwd, '.rusage');
  const timed = hasGnuTime();
  const wrapped = timed ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] as const : [command, args] as const;
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(wrapped[0], [...wrapped[1]], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const group = child.pid!;
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let peak = 0;
    // GNU time itself is in the group; leave its few MiB out.
    const sampler = setInterval(() => (peak = Math.max(peak, groupRssBytes(group, timed ? group : null))), SAMPLE_MS);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(group);
    }, timeoutSeconds * 1000);
    // Wall time ends when the process exits; joblib workers it leaves behind may hold the pipes
    // open, so the group is killed then, and the output is complete at 'close'.
    let wallSeconds = 0;
    let exitCode: number | null = null;
    child.on('exit', (code) => {
      wallSeconds = (performance.now() - start) / 1000;
      exitCode = code;
      clearInterval(sampler);
      clearTimeout(timer);
      killGroup(group);
    });
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ outcome: 'error', wallSeconds: 0, maxRssMiB: null, cpuSeconds: null, groupRssMiB: 0, stdout: '', stderrTail: `cannot run ${wrapped[0]}: ${error.message}` });
    });
    child.on('close', () => {
      const outcome = timedOut ? 'timeout' : exitCode === 0 ? 'ok' : 'error';
      resolve({ outcome, wallSeconds, ...readRusage(rssFile), groupRssMiB: peak / MIB, stdout, stderrTail: stderr.trim().split('\n').slice(-3).join('\n') });
    });
  });
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
