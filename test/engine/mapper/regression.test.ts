import { describe, expect, it } from 'vitest';
import { parseMapping, rawFromYaml } from '../../../src/engine/model/index.js';
import { REGRESSION_CASES } from '../../../src/examples/index.js';
import { expectMatches, mapCase, reference } from './regression-case.js';

/** All 20 cases of AccelForge's regression_reference.json (EDP, ENERGY for snowcat; max_fused_loops 1). */
const CASES = REGRESSION_CASES.map((c) => c.key);

describe('mapper regression cases (AccelForge figures, 1 % tolerance)', () => {
  it('covers all 20 reference cases', () => {
    expect(CASES).toHaveLength(20);
  });
  for (const key of CASES) {
    it(key, () => {
      expectMatches(mapCase(key), reference(key));
    }, 60_000);
  }
});

describe('simple|matmuls unfused: docs/model.md §10.2 optimum', () => {
  const mapped = mapCase('simple|matmuls|KN=64,M=64,N_EINSUMS=2|unfused');

  it('finds energy 17235968 and latency 524288 exactly', () => {
    expect(mapped.result.energy()).toBe(17235968);
    expect(mapped.result.latency()).toBe(524288);
    expect(mapped.pareto).toEqual([{ energy: 17235968, latency: 524288 }]);
  });

  it('keeps every tensor in MainMemory with unit tiles, and the printed YAML parses back', () => {
    expect(mapped.mappingYaml).not.toContain('GlobalBuffer');
    const raw = rawFromYaml(mapped.mappingYaml) as { mapping: unknown };
    const parsed = parseMapping(raw.mapping);
    expect(parsed.ok).toBe(true);
  });

  it('reports per-Einsum front sizes and template counts', () => {
    expect(mapped.stats.keptPerEinsum).toEqual({ Matmul0: 1, Matmul1: 1 });
    expect(mapped.stats.templates).toBeGreaterThan(2);
    // Every template evaluates at least one tile choice; pruning leaves one per template here.
    expect(mapped.stats.evaluated).toBeGreaterThanOrEqual(mapped.stats.templates);
  });
});

describe('the printed mapping round-trips through evaluate', () => {
  for (const key of ['snowcat|three_matmuls_annotated||unfused', 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused']) {
    it(`reproduces ${key} from the printed YAML alone`, async () => {
      const { evaluateSpecMapping } = await import('../../../src/engine/index.js');
      const { NodeFileSystem } = await import('../../../src/cli/node-file-system.js');
      const mapped = mapCase(key);
      const disk = new NodeFileSystem();
      const mappingFile = '/virtual/mapped.yaml';
      const fs = {
        readText: (p: string) => (p === mappingFile ? mapped.mappingYaml : disk.readText(p)),
        exists: (p: string) => p === mappingFile || disk.exists(p),
        isDirectory: (p: string) => p !== mappingFile && disk.isDirectory(p),
        list: (d: string) => disk.list(d),
        realPath: (p: string) => (p === mappingFile ? p : disk.realPath(p)),
        cwd: () => disk.cwd(),
      };
      const variables = key.startsWith('tpu') ? { KN: 64, M: 64, N_EINSUMS: 2 } : {};
      const evaluated = evaluateSpecMapping({ fs, specFiles: [...mapped.prepared.loaded.files, mappingFile], variables });
      expect(evaluated.ok).toBe(true);
      if (evaluated.ok) expectMatches({ ...mapped, result: evaluated.value.result }, reference(key));
    }, 60_000);
  }
});
