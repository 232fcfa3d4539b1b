import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../src/worker/engine-api.js';

const TUTORIAL = join(
  import.meta.dirname,
  '../fixtures/timeloop/v4-2ffec69/workspace/tutorial_exercises/01_accelergy_timeloop_2020_ispass/timeloop/01-model-conv1d-2level',
);
const PATHS = ['arch/2level.arch.yaml', 'prob/conv1d.prob.yaml', 'map/conv1d-2level-os.map.yaml'];

function tutorialFiles() {
  return PATHS.map((path) => ({ path, text: readFileSync(join(TUTORIAL, path), 'utf8') }));
}

describe('EngineApi.convertTimeloop', () => {
  it('converts the conv1d 2-level tutorial into a spec that evaluates', async () => {
    const api = createEngineApi();
    const imported = await api.convertTimeloop(tutorialFiles());
    expect(imported.errors).toEqual([]);
    expect(imported.report?.format).toBe('v0.4');
    const approximated = imported.report?.items.find((i) => i.kind === 'approximated' && i.file !== undefined);
    expect(approximated).toMatchObject({ file: 'arch/2level.arch.yaml', line: 20, col: 5 });
    const yaml = imported.yaml ?? '';
    expect(yaml).toMatch(/^arch:/m);
    expect(yaml).toContain('!Compute { einsum: Conv1D, component: MACC }');

    const evaluated = await api.evaluateDesign({ files: { 'tl.yaml': yaml }, specFiles: ['tl.yaml'], variables: {} });
    expect(evaluated.errors).toEqual([]);
    // Conv1D with R=3, P=16: 48 MACs.
    expect(evaluated.evaluation?.totals.computeOps).toBe(48);
    expect(evaluated.evaluation?.totals.latency).toBeCloseTo(48e-9, 15);
  });

  it('returns a positioned error, not an exception, for a file that is not Timeloop', async () => {
    const api = createEngineApi();
    const imported = await api.convertTimeloop([{ path: 'prob.yaml', text: 'problem:\n  version: 0.4\n  shape: [' }]);
    expect(imported.yaml).toBeNull();
    expect(imported.report).toBeNull();
    expect(imported.errors).toHaveLength(1);
    expect(imported.errors[0]?.message.length).toBeGreaterThan(0);
  });
});
