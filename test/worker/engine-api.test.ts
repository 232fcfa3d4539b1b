import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES } from '../../src/ui/features/examples/bundle.js';
import { specErrorsToMarkers } from '../../src/ui/editor/markers.js';
import { createEngineApi } from '../../src/worker/engine-api.js';

const SPEC_FILES = ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'];

describe('createEngineApi with the real engine', () => {
  it('reports a missing Jinja variable at its place in the workload file', async () => {
    const api = createEngineApi();
    const result = await api.checkDesign({ files: BUNDLED_FILES, specFiles: SPEC_FILES, variables: {} });
    const missing = result.errors.find((e) => e.message.includes('N_EINSUMS'));
    expect(missing?.pos?.file).toBe('workloads/basic/matmuls.yaml');
    const text = BUNDLED_FILES['workloads/basic/matmuls.yaml'] ?? '';
    const markers = specErrorsToMarkers(result.errors, 'workloads/basic/matmuls.yaml', text);
    expect(markers.map((m) => m.startLineNumber)).toContain(missing?.pos?.line);
  });

  it('checks the default design cleanly once its preset variables are set', async () => {
    const api = createEngineApi();
    const variables = { KN: 64, M: 64, N_EINSUMS: 2 };
    const result = await api.checkDesign({ files: BUNDLED_FILES, specFiles: SPEC_FILES, variables });
    expect(result.errors).toEqual([]);
    expect(result.einsums.map((e) => e.macs)).toEqual([64 * 64 * 64, 64 * 64 * 64]);
  });
});
