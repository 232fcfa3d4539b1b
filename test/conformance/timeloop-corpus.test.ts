/**
 * The Timeloop converter against the corpus in ../shared/reference/timeloop (where it exists):
 * tutorials 00-06 against their stats.txt files, the full-architecture designs (convert, check,
 * evaluate Timeloop's mapping, map) and a mapper run on tutorial 05.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/engine/pipeline/check.js';
import { evaluateSpecMapping } from '../../src/engine/pipeline/evaluate.js';
import { mapDesign } from '../../src/engine/pipeline/map-design.js';
import { MemoryFileSystem } from '../../src/engine/io/memory-file-system.js';
import { convertTimeloop, type TimeloopFile } from '../../src/engine/timeloop/index.js';

const ROOT = join(import.meta.dirname, '../../../shared/reference/timeloop');
const TUT = 'workspace/tutorial_exercises/01_accelergy_timeloop_2020_ispass/timeloop';
const DES = 'workspace/example_designs/example_designs';
const available = existsSync(ROOT);

function read(...paths: string[]): TimeloopFile[] {
  return paths.map((p) => ({ path: p, text: readFileSync(join(ROOT, p), 'utf8') }));
}

function design(yaml: string): { fs: MemoryFileSystem; specFiles: string[]; variables: Record<string, unknown> } {
  return { fs: new MemoryFileSystem({ '/spec.yaml': yaml }), specFiles: ['/spec.yaml'], variables: {} };
}

/** Scalar reads, fills+updates (summed over utilized instances) per `level|tensor` of a stats.txt. */
function statsTraffic(text: string): Map<string, { reads: number; writes: number }> {
  const out = new Map<string, { reads: number; writes: number }>();
  let level = '';
  let tensor = '';
  let fields: Record<string, number> = {};
  const flush = (): void => {
    if (level && tensor) out.set(`${level}|${tensor}`, { reads: fields['reads']! * fields['inst']!, writes: (fields['fills']! + fields['updates']!) * fields['inst']! });
  };
  for (const line of text.split('\n')) {
    const header = /^=== (\S+) ===/.exec(line);
    if (header || /^(Networks|Summary Stats)/.test(line)) {
      flush();
      [level, tensor, fields] = [header && !out.has(`${header[1]}|`) ? header[1]! : '', '', {}];
      continue;
    }
    const t = /^ {4}(Weights|Inputs|Outputs):/.exec(line);
    if (t) {
      flush();
      [tensor, fields] = [{ Inputs: 'Input', Outputs: 'Output' }[t[1]!] ?? t[1]!, {}];
      continue;
    }
    const f = /^\s+(Utilized instances \(max\)|Scalar (reads|fills|updates) \(per-instance\))\s+: (\d+)/.exec(line);
    if (f && tensor) fields[f[2] ?? 'inst'] = Number(f[3]);
  }
  flush();
  return out;
}

/** Words moved per `component|tensor|action` by AccelForge, and the drains the report predicts. */
function ourTraffic(yaml: string): { words: Map<string, number>; latency: number } {
  const result = evaluateSpecMapping(design(yaml));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const json = result.value.result.toCliJson();
  const words = new Map<string, number>();
  const spec = yaml.split('\n');
  for (const a of json.actions) {
    const start = spec.findIndex((l) => l.trim() === `name: ${a.component}`);
    const bpa = Number(/bits_per_action: (\d+)/.exec(spec.slice(start, start + 6).join('\n'))?.[1] ?? 1);
    const bpv = Number(/bits_per_value: \{ All: (\d+) \}/.exec(spec.slice(start, start + 6).join('\n'))?.[1] ?? /bits_per_value: \{ All: (\d+) \}/.exec(yaml.slice(yaml.indexOf('workload:')))![1]);
    words.set(`${a.component}|${a.tensor}|${a.action}`, (a.count * bpa) / bpv);
  }
  return { words, latency: json.latency };
}

const TUTORIALS: [string, string[], string][] = [
  ['00', ['00-model-conv1d-1level/arch/1level.arch.yaml', '00-model-conv1d-1level/prob/conv1d.prob.yaml', '00-model-conv1d-1level/map/conv1d-1level.map.yaml'], '00-model-conv1d-1level/ref-output/timeloop-model'],
  ...['os', 'ws'].map((v): [string, string[], string] => [`01 ${v}`, ['arch/2level.arch.yaml', 'prob/conv1d.prob.yaml', `map/conv1d-2level-${v}.map.yaml`].map((f) => `01-model-conv1d-2level/${f}`), `01-model-conv1d-2level/ref-output/${v}/timeloop-model`]),
  ...[['os', 'no-tiling'], ['os-tiled', 'tiling']].map(([m, r]): [string, string[], string] => [`02 ${r}`, ['arch/2level.arch.yaml', 'prob/conv1d+oc.prob.yaml', `map/conv1d+oc-2level-${m}.map.yaml`].map((f) => `02-model-conv1d+oc-2level/${f}`), `02-model-conv1d+oc-2level/ref-output/${r}/timeloop-model`]),
  ...[['-bypass', 'bypass'], ['', 'no-bypass']].map(([m, r]): [string, string[], string] => [`03 ${r}`, ['arch/3level.arch.yaml', 'prob/conv1d+oc.prob.yaml', `map/conv1d+oc-3level${m}.map.yaml`].map((f) => `03-model-conv1d+oc-3level/${f}`), `03-model-conv1d+oc-3level/ref-output/${r}/timeloop-model`]),
  ...['cp', 'kp'].map((v): [string, string[], string] => [`04 ${v}`, ['arch/3levelspatial.arch.yaml', 'prob/conv1d+oc+ic.prob.yaml', `map/conv1d+oc+ic-3levelspatial-${v}-ws.map.yaml`].map((f) => `04-model-conv1d+oc-3levelspatial/${f}`), `04-model-conv1d+oc-3levelspatial/ref-output/${v}/timeloop-model`]),
];

describe.skipIf(!available)('Timeloop tutorials from the corpus: traffic equals stats.txt plus the drains the report predicts', () => {
  const cases = [
    ...TUTORIALS.map(([name, inputs, out]): [string, string[], string] => [name, [...inputs.map((f) => `v4-2ffec69/${TUTORIALS_DIR}/${f}`), `v4/${TUTORIALS_DIR}/${out}.ERT.yaml`], `v4/${TUTORIALS_DIR}/${out}`]),
    ...['baked', 'freebypass', 'null'].map((v): [string, string[], string] => [`05 ${v}`, ['arch/3level.arch.yaml', 'prob/conv1d+oc.prob.yaml'].map((f) => `v4-2ffec69/${TUTORIALS_DIR}/05-mapper-conv1d+oc-3level/${f}`)
      .concat(['map.yaml', 'ERT.yaml'].map((f) => `v4/${TUTORIALS_DIR}/05-mapper-conv1d+oc-3level/ref-output/${v}/timeloop-mapper.${f}`)), `v4/${TUTORIALS_DIR}/05-mapper-conv1d+oc-3level/ref-output/${v}/timeloop-mapper`]),
    ['06', ['arch/eyeriss_like.yaml', 'prob/VGG02_layer5.yaml', 'ref-output/timeloop-mapper.map.yaml', 'ref-output/timeloop-mapper.ERT.yaml'].map((f) => `v4/${TUTORIALS_DIR}/06-mapper-convlayer-eyeriss/${f}`),
      `v4/${TUTORIALS_DIR}/06-mapper-convlayer-eyeriss/ref-output/timeloop-mapper`] as [string, string[], string],
  ];
  for (const [name, files, out] of cases) {
    it(name, () => {
      const { yaml, report } = convertTimeloop(read(...files));
      const stats = readFileSync(join(ROOT, `${out}.stats.txt`), 'utf8');
      const theirs = statsTraffic(stats);
      const ours = ourTraffic(yaml);
      expect(ours.latency).toBeCloseTo(Number(/^Cycles: (\d+)/m.exec(stats)![1]) * 1e-9, 15);
      const drains = new Map(report.items.flatMap((i) => {
        const m = /^expected difference: (\w+) reads of Output$/.exec(i.feature);
        return m ? [[m[1]!, Number(/: (\d+) words/.exec(i.reason)![1])] as const] : [];
      }));
      for (const [key, t] of theirs) {
        const [component, tensor] = key.split('|') as [string, string];
        const drain = tensor === 'Output' ? drains.get(component) ?? 0 : 0;
        expect(ours.words.get(`${key}|write`) ?? 0, `${key} writes`).toBeCloseTo(t.writes, 6);
        expect(ours.words.get(`${key}|read`) ?? 0, `${key} reads`).toBeCloseTo(t.reads + drain, 6);
      }
    });
  }
});

const TUTORIALS_DIR = TUT;
const SHARED = ['intmac', 'regfile', 'regfile_metadata', 'smartbuffer_RF', 'smartbuffer_SRAM', 'smartbuffer_metadata']
  .map((c) => `v4-2ffec69/${DES}/_components/${c}.yaml`).concat([`v4-2ffec69/${DES}/_include/default_problem.yaml`, `v4-2ffec69/${DES}/_include/mapper.yaml`]);
const archOf = (d: string): string => (d === 'eyeriss_like' ? `v4-2ffec69/${DES}/${d}/arch.yaml` : `v4/${DES}/${d}/arch.yaml`);

describe.skipIf(!available)('full-architecture designs from the corpus', () => {
  for (const d of ['eyeriss_like', 'simba_like', 'simple_output_stationary', 'simple_weight_stationary']) {
    it(`${d}: the run's parsed-processed-input.yaml and the v0.4 inputs give the same spec`, () => {
      const processed = convertTimeloop(read(`v4/${DES}/${d}/ref_outputs/default_problem/parsed-processed-input.yaml`));
      const original = convertTimeloop(read(archOf(d), ...SHARED));
      expect(checkSpec(design(processed.yaml)).errors).toEqual([]);
      expect(checkSpec(design(original.yaml)).errors).toEqual([]);
      const body = (yaml: string): string => yaml.slice(yaml.indexOf('\n') + 1);
      expect(body(processed.yaml).match(/^ {4}- !\w+\n {6}name: \w+/gm)).toEqual(body(original.yaml).match(/^ {4}- !\w+\n {6}name: \w+/gm));
      // Kept and bypassed tensors agree too (timeloopfe wrote the !Parallel bypasses into the processed input).
      const sorted = (set: string | undefined): string => (set ?? '').split(/[ |()~]+/).filter(Boolean).sort().join('|');
      const tensors = (yaml: string): string[] => [...yaml.matchAll(/^ {6}tensors: \{ (?:keep: ([^,}]+?))?(?:, )?(?:may_keep: (.+?))? \}$/gm)]
        .map((m) => `keep ${sorted(m[1])} may_keep ${sorted(m[2])}`);
      expect(tensors(processed.yaml)).toEqual(tensors(original.yaml));
      for (const item of original.report.items.filter((i) => i.kind === 'dropped')) expect(item.line, item.feature).toBeGreaterThan(0);
    });
  }

  // The full map step is slow (about 200 templates of 10-40 s each on the default problem, C3
  // M32 P112 Q112 R3 S3, the smallest conv2D in the corpus); here the mapper must run its first
  // templates without any error but its own time limit.
  for (const d of ['simba_like', 'simple_output_stationary', 'simple_weight_stationary']) {
    it(`${d}: the mapper searches the converted spec`, () => {
      const { yaml } = convertTimeloop(read(archOf(d), ...SHARED));
      let done = 0;
      const result = mapDesign({ files: { '/spec.yaml': yaml }, specFiles: ['/spec.yaml'], variables: {} }, { timeLimitSeconds: 20 }, (e) => {
        if (e.type === 'template-done') done++;
      });
      expect(result.errors.map((e) => e.message).filter((m) => !m.includes('time limit'))).toEqual([]);
      expect(done, 'templates finished in 20 s').toBeGreaterThan(0);
    });
  }
});

describe.skipIf(!available)('full-architecture designs map to completion', () => {
  // Timeloop's mapper results for the default problem (timeloop-mapper.stats.txt, "Energy").
  // Ours is an optimal search, so it must not be worse beyond model differences (5 %); measured
  // 74.6 uJ on simba_like (Timeloop 239.15) and 59.0 uJ on eyeriss_like (Timeloop 59.28), in
  // 771 s and 1054 s run side by side on 2 cores.
  for (const [d, timeloopUj] of [['simba_like', 239.15], ['eyeriss_like', 59.28]] as const) {
    it(`${d}: maps within 30 minutes, at most Timeloop's energy + 5 %`, () => {
      const { yaml } = convertTimeloop(read(archOf(d), ...SHARED));
      const result = mapDesign({ files: { '/spec.yaml': yaml }, specFiles: ['/spec.yaml'], variables: {} }, { timeLimitSeconds: 1800 });
      expect(result.errors).toEqual([]);
      expect(result.evaluation!.totals.energy * 1e6).toBeLessThan(timeloopUj * 1.05);
    }, 1_900_000);
  }
});

describe.skipIf(!available)('tutorial 05: the mapper on the converted mapspace constraints', () => {
  const DIR = `${TUT}/05-mapper-conv1d+oc-3level`;
  // Timeloop's best mappings (fJ/Compute). Ours may be lower: the per-level temporal factor and
  // permutation constraints are dropped, so AccelForge searches a larger space.
  for (const [run, constraints, timeloop] of [['baked', 'conv1d+oc-3level-1mapping', 32130.51], ['freebypass', 'conv1d+oc-3level-freebypass', 30263.99], ['null', 'null', 235520.5]] as const) {
    it(`${run} maps (120 s limit) and finds at most Timeloop's energy + 5 %`, () => {
      const { yaml } = convertTimeloop(read(...['arch/3level.arch.yaml', 'prob/conv1d+oc.prob.yaml', `constraints/${constraints}.constraints.yaml`, 'mapper/exhaustive.mapper.yaml']
        .map((f) => `v4-2ffec69/${DIR}/${f}`), `v4/${DIR}/ref-output/${run}/timeloop-mapper.ERT.yaml`));
      const result = mapDesign({ files: { '/spec.yaml': yaml }, specFiles: ['/spec.yaml'], variables: {} }, { timeLimitSeconds: 120 });
      // Errors include hitting the 120 s limit, so this also bounds the search.
      expect(result.errors).toEqual([]);
      const fj = (result.evaluation!.totals.energyPerCompute * 1e15);
      expect(fj).toBeLessThan(timeloop * 1.05);
    });
  }
});
