import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec } from '../../../../src/engine/spec/schema/index.js';
import { parseYamlToRaw } from './yaml-raw.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/schema');

describe('bad fixtures report their first error on the line named in their header', () => {
  for (const name of readdirSync(join(FIXTURES, 'bad')).filter((f) => f.endsWith('.yaml'))) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, 'bad', name), 'utf8');
      const expectedLine = Number(/^# line: (\d+)/.exec(text)?.[1]);
      const { root, sources } = parseYamlToRaw(text, name);
      const result = validateSpec(root, sources);
      if (result.ok) return expect.fail(`${name} should be invalid`);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.pos).toMatchObject({ file: name, line: expectedLine });
      expect(result.errors[0]?.hint).toBeTruthy();
    });
  }
});

describe('attention-decode.yaml', () => {
  const text = readFileSync(join(FIXTURES, 'attention-decode.yaml'), 'utf8');
  const { root, sources } = parseYamlToRaw(text, 'attention-decode.yaml');
  const result = validateSpec(root, sources);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const spec = result.value;

  it('flattens the nested einsums in order', () => {
    expect(spec.workload.einsums.map((e) => e.name)).toEqual(['QK', 'QK_softmax', 'AV']);
  });

  it('parses the decode projections and adds the extra attribute', () => {
    const av = spec.workload.einsums[2];
    expect(av?.tensor_accesses.map((a) => a.name)).toEqual(['QK_softmax', 'V_cache', 'AV']);
    expect(av?.tensor_accesses[1]).toMatchObject({ projection: { B: 'b', P: 'p', H: 'h', E: 'f' }, persistent: true });
  });

  it('keeps top-level renames and workload strings raw', () => {
    expect(spec.renames.einsums[0]?.tensor_accesses.map((r) => [r.name, r.source, r.expected_count])).toEqual([
      ['input', 'Inputs', 1],
      ['output', 'Outputs', 1],
    ]);
    expect(spec.workload.persistent_tensors).toBe('weight - Intermediates');
    expect(spec.workload.rank_sizes['P']).toBe(2048);
  });

  it('migrates the MAC latency and appends DRAM write', () => {
    const [dram, mac] = spec.arch.nodes;
    expect(dram?.$tag === 'Memory' && dram.actions.map((a) => a.name)).toEqual(['read', 'write']);
    expect(mac?.$tag === 'Compute' && mac.actions[0]?.throughput).toBe("1 / (1e-9) if (1e-9) != 0 else float('inf')");
  });
});
