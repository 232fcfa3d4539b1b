/** The design a first-time visitor sees: the simple architecture running chained matmuls. */
import type { SpecData } from '../../store/spec-slice.js';
import { variablesAfterSwitch, type ExampleEntry, type ExampleKind } from './catalogue.js';

const PREFERRED: Readonly<Record<ExampleKind, string>> = {
  arch: 'arches/simple.yaml',
  workload: 'workloads/basic/matmuls.yaml',
  mapping: '',
};

export function createDefaultDesign(
  examples: readonly ExampleEntry[],
  bundled: Readonly<Record<string, string>>,
): Pick<SpecData, 'files' | 'specFiles' | 'activeFile' | 'variables'> {
  const pick = (kind: ExampleKind) => {
    const ofKind = examples.filter((e) => e.kind === kind && bundled[e.path] !== undefined);
    return ofKind.find((e) => e.path === PREFERRED[kind]) ?? ofKind[0];
  };
  const chosen = [pick('arch'), pick('workload')].filter((e): e is ExampleEntry => e !== undefined);
  const specFiles = chosen.map((e) => e.path);
  const files = Object.fromEntries(specFiles.map((p) => [p, bundled[p] ?? '']));
  const variables = chosen.reduce((vars, e) => variablesAfterSwitch(vars, undefined, e), {});
  return { files, specFiles, activeFile: specFiles[0] ?? '', variables };
}
