import { describe, expect, it } from 'vitest';
import { parseMapping, rawFromYaml } from '../../../src/engine/model/index.js';
import { expectMatches, mapCase, reference } from './regression-case.js';

const FAST_CASES = [
  'simple|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
  'simple|matmuls|KN=64,M=64,N_EINSUMS=2|fused',
  'simple|three_matmuls_annotated||unfused',
  'simple|three_matmuls_annotated||fused',
  'simple|gpt3_175B|BATCH_SIZE=1,DECODE=True,N_CACHED_TOKENS=2047,N_NEW_TOKENS=1|unfused',
  'simple|gpt3_175B|BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS=2048|unfused',
  'snowcat|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
  'snowcat|matvecs||unfused',
  'snowcat|three_matmuls_annotated||unfused',
  'simple|gpt3_175B|BATCH_SIZE=1,DECODE=True,N_CACHED_TOKENS=2047,N_NEW_TOKENS=1|fused',
  'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
  'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused',
  'tpu_v4i|three_matmuls_annotated||unfused',
  'tpu_v4i|three_matmuls_annotated||fused',
  'eyeriss|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
];

describe('mapper regression cases (AccelForge figures, 1 % tolerance)', () => {
  for (const key of FAST_CASES) {
    it(key, () => {
      expectMatches(mapCase(key), reference(key));
    }, 60_000);
  }
});

describe('simple|matmuls unfused: model.md §10.2 optimum', () => {
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
    expect(mapped.stats.evaluated).toBeGreaterThan(mapped.stats.templates);
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
