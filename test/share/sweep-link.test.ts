import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applySharePayload, createSharePayload, decodeShareFragment, encodeShareFragment, type ShareState } from '../../src/ui/share/codec.js';
import { DEFAULT_MAPPER } from '../../src/ui/store/spec-slice.js';
import { DEFAULT_SWEEP } from '../../src/ui/store/sweep-slice.js';

const GLB = 'arch.nodes[name=GlobalBuffer].size';

const STATE: ShareState = {
  files: {},
  specFiles: ['arches/eyeriss.yaml', 'workloads/basic/matmuls.yaml'],
  variables: { N_EINSUMS: 1 },
  mapper: DEFAULT_MAPPER,
  breakdownBy: 'component',
  selectedEinsum: null,
  activeFile: 'arches/eyeriss.yaml',
};

function decodeFile(name: string) {
  const decoded = decodeShareFragment(readFileSync(new URL(name, import.meta.url), 'utf8').trim());
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.payload;
}

describe('sweep in share links', () => {
  it('leaves links without a sweep as they were', () => {
    expect(createSharePayload({ ...STATE, sweep: DEFAULT_SWEEP, sweepShown: false }, {})).toEqual(createSharePayload(STATE, {}));
    expect(createSharePayload(STATE, {})).not.toHaveProperty('sweep');
  });

  it('keeps only the knobs and the choices that differ from the defaults', () => {
    const sweep = { ...DEFAULT_SWEEP, knobs: [{ key: GLB, values: 'log:32B:4MB:32' }], perCompute: true };
    expect(createSharePayload({ ...STATE, sweep, sweepShown: true }, {}).sweep).toEqual({
      knobs: [{ key: GLB, values: 'log:32B:4MB:32' }],
      perCompute: true,
      open: true,
    });
  });

  it('round-trips a two-knob sweep through the fragment', () => {
    const sweep = { knobs: [{ key: 'KN', values: 'lin:16:64:4' }, { key: GLB, values: '256, 64KB' }], metric: 'edp' as const, perCompute: false, breakdown: false };
    const decoded = decodeShareFragment(encodeShareFragment(createSharePayload({ ...STATE, sweep, sweepShown: false }, {})));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(applySharePayload(decoded.payload, {})).toMatchObject({ sweep, sweepShown: false });
  });

  it('decodes the golden v1 link with a sweep exactly', () => {
    const data = applySharePayload(decodeFile('./v1-sweep.link.txt'), {});
    expect(data.sweep).toEqual({
      knobs: [{ key: GLB, values: 'log:32B:4MB:32' }, { key: 'KN', values: '1024, 4096' }],
      metric: 'energy',
      perCompute: true,
      breakdown: false,
    });
    expect(data.sweepShown).toBe(true);
    expect(data.specFiles).toEqual(['arches/eyeriss.yaml', 'workloads/basic/matmuls.yaml']);
    expect(data.variables).toEqual({ N_EINSUMS: 1, M: 4096, KN: 4096 });
  });

  it('gives the golden v1 link without a sweep the default, closed sweep', () => {
    const data = applySharePayload(decodeFile('./v1.link.txt'), {});
    expect(data.sweep).toEqual(DEFAULT_SWEEP);
    expect(data.sweepShown).toBe(false);
  });

  it('rejects a sweep with three knobs, naming the field', () => {
    const knob = { key: 'A', values: '1' };
    const payload = { v: 1 as const, sweep: { knobs: [knob, knob, knob] } };
    expect(decodeShareFragment(encodeShareFragment(payload))).toEqual({ ok: false, message: "The share link has an invalid field 'sweep.knobs'." });
  });
});
