import { afterEach, describe, expect, it, vi } from 'vitest';
import { runVerb } from '../../src/cli/commands/index.js';
import { NotANumberInOutput, toJsonText, writeJson } from '../../src/cli/json-output.js';

const SIMPLE = ['src/examples/arches/simple.yaml', 'src/examples/workloads/basic/matmuls.yaml', '--set', 'N_EINSUMS=2'];

/** Runs `action` with stdout and stderr captured. */
async function captured(action: () => Promise<number> | number): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const status = await action();
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('the JSON writer', () => {
  it('writes infinities as "Infinity" / "-Infinity" and keeps finite numbers', () => {
    expect(toJsonText({ a: Infinity, b: [-Infinity, 1.5, 0], c: null })).toBe('{"a":"Infinity","b":["-Infinity",1.5,0],"c":null}');
  });

  it('refuses NaN, naming the figure', () => {
    const result = { energy: 1, energy_breakdown: [{ energy: 2 }, { energy: NaN }] };
    expect(() => toJsonText(result)).toThrow(NotANumberInOutput);
    expect(() => toJsonText(result)).toThrow('the result holds NaN (not a number) at energy_breakdown[1].energy');
    expect(() => toJsonText(NaN)).toThrow('at (the whole result)');
  });

  it('a NaN is exit status 1 with a message and no JSON on stdout', async () => {
    const run = await captured(() => writeJson({ latency: NaN }));
    expect(run).toMatchObject({ status: 1, stdout: '' });
    expect(run.stderr).toMatch(/^error: the result holds NaN \(not a number\) at latency; no JSON was written\n/);
  });

  it('components --json prints infinite throughput as "Infinity"', async () => {
    const run = await captured(() => runVerb('components', [...SIMPLE, '--json']));
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, { actions: Record<string, { throughput: unknown; energy: unknown }> }>;
    expect(json['MainMemory']!.actions['read']).toMatchObject({ throughput: 'Infinity', energy: 1 });
    expect(json['MAC']!.actions['compute']!.throughput).toBe(1);
    expect(run.stdout).not.toContain('null');
  });
});
