/** Time from "Run mapper" to the first Pareto front the explorer can draw, and to the final result. */
import { join } from 'node:path';
import { NodeFileSystem } from '../src/cli/node-file-system.js';
import type { DesignFiles } from '../src/engine/api.js';
import { mapDesign } from '../src/engine/pipeline/map-design.js';
import type { BenchRow } from './report.js';

const EXAMPLES = join(import.meta.dirname, '../src/examples');

interface FrontCase {
  readonly name: string;
  readonly files: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
}

const CASES: readonly FrontCase[] = [
  { name: 'simple + matmuls (N_EINSUMS=2, KN=M=64)', files: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'], variables: { N_EINSUMS: 2, KN: 64, M: 64 } },
  { name: 'simple + three_matmuls_annotated', files: ['arches/simple.yaml', 'workloads/basic/three_matmuls_annotated.yaml'], variables: {} },
];

/** The design as the worker receives it: every file the spec may include, read up front. */
function designOf(c: FrontCase): DesignFiles {
  const read = new NodeFileSystem();
  const files: Record<string, string> = { 'workloads/_renames_default.yaml': read.readText(join(EXAMPLES, 'workloads/_renames_default.yaml')) };
  for (const f of c.files) files[f] = read.readText(join(EXAMPLES, f));
  return { files, specFiles: [...c.files], variables: c.variables };
}

/** Milliseconds to the first front event (einsum-front, join-step or final) and to the finished run. */
function timeRun(design: DesignFiles): { first: number; total: number } {
  const start = performance.now();
  let first = Number.NaN;
  const result = mapDesign(design, {}, (event) => {
    if (Number.isNaN(first) && event.type !== 'templates' && event.type !== 'template-done') first = performance.now() - start;
  });
  if (result.evaluation === null) throw new Error(result.errors[0]?.message ?? 'the mapper found nothing');
  return { first, total: performance.now() - start };
}

/** Median of three runs after a warm-up run, per case. */
export function benchFirstFront(): BenchRow[] {
  return CASES.flatMap((c) => {
    const design = designOf(c);
    timeRun(design);
    const runs = [timeRun(design), timeRun(design), timeRun(design)];
    const median = (pick: (r: { first: number; total: number }) => number) => runs.map(pick).sort((a, b) => a - b)[1]!;
    return [
      { bench: 'explorer', case: c.name, metric: 'ms from Run mapper to first front', value: median((r) => r.first), goal: 'info' },
      { bench: 'explorer', case: c.name, metric: 'ms from Run mapper to final result', value: median((r) => r.total), goal: 'info' },
    ];
  });
}
