/** The model's worked example (docs/model.md §10.1) through the whole pipeline: files → evaluate. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSpecMapping, MemoryFileSystem, type ModelCliJson } from '../../../src/engine/index.js';

const EXAMPLES = join(import.meta.dirname, '../../../src/examples');
const read = (path: string): string => readFileSync(join(EXAMPLES, path), 'utf8');
const SIMPLE = read('arches/simple.yaml');

/** simple.yaml with extra fields on MainMemory (inserted after its `size:` line). */
function simpleWithMainMemory(extra: string): string {
  return SIMPLE.replace(/(name: MainMemory\n(\s+)size: inf\n)/, (_m, head: string, indent: string) => `${head}${indent}${extra}\n`);
}

function evaluate(arch: string): ModelCliJson {
  const fs = new MemoryFileSystem({
    '/arch.yaml': arch,
    '/workload.yaml': read('workloads/basic/matmuls.yaml'),
    '/mapping.yaml': read('mappings/unfused_matmuls_to_simple.yaml'),
  });
  const result = evaluateSpecMapping({
    fs,
    specFiles: ['/arch.yaml', '/workload.yaml', '/mapping.yaml'],
    variables: { N_EINSUMS: 1, M: 64, KN: 32 },
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value.result.toCliJson();
}

function count(json: ModelCliJson, component: string, tensor: string | null, action: string): number {
  return json.actions.filter((a) => a.component === component && a.tensor === tensor && a.action === action).reduce((s, a) => s + a.count, 0);
}

function energyOf(json: ModelCliJson, component: string, tensor: string): number {
  return json.energy_breakdown.filter((e) => e.component === component && e.tensor === tensor).reduce((s, e) => s + e.energy, 0);
}

const M = 64;
const KN = 32;

describe('evaluate: simple arch, unfused_matmuls_to_simple, N_EINSUMS=1, M=64, KN=32 (docs/model.md §10.1)', () => {
  it('matches test_model expectations', () => {
    const json = evaluate(SIMPLE);
    expect(energyOf(json, 'MainMemory', 'T0')).toBe(M * KN * 8);
    expect(energyOf(json, 'MainMemory', 'W0')).toBe(KN * KN * 8);
    expect(energyOf(json, 'MainMemory', 'T1')).toBe(M * KN * 8);
    expect(count(json, 'GlobalBuffer', 'T0', 'read')).toBe(524288);
    expect(count(json, 'GlobalBuffer', 'T1', 'write')).toBe(524288);
    expect(count(json, 'GlobalBuffer', 'T1', 'read')).toBe(524288);
    expect(count(json, 'MAC', null, 'compute')).toBe(M * KN * KN);
    expect(json.latency).toBe(M * KN * KN);
  });

  it('halves MainMemory T0 traffic with bits_per_value {T0: 4} on MainMemory', () => {
    const json = evaluate(simpleWithMainMemory('bits_per_value: {T0: 4}'));
    expect(energyOf(json, 'MainMemory', 'T0')).toBe(M * KN * 4);
    expect(count(json, 'GlobalBuffer', 'T0', 'write')).toBe(M * KN * 8);
  });

  it('doubles every MainMemory count with bits_per_value {All: 16}', () => {
    const json = evaluate(simpleWithMainMemory('bits_per_value: {All: 16}'));
    expect(energyOf(json, 'MainMemory', 'T0')).toBe(M * KN * 16);
    expect(energyOf(json, 'MainMemory', 'W0')).toBe(KN * KN * 16);
  });

  it('reads the initial output from MainMemory when skip_initial_output_write is false', () => {
    const json = evaluate(simpleWithMainMemory('skip_initial_output_write: False'));
    expect(energyOf(json, 'MainMemory', 'T1')).toBe(2 * M * KN * 8);
  });
});
