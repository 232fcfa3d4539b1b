import { readArchV3 } from './arch-v3.js';
import { readArchV4, type ArchLevels } from './arch-v4.js';
import { attr, numAttr, techNodeMetres } from './attributes.js';
import { convertConstraints } from './constraints.js';
import { emitArchNodes } from './emit-arch.js';
import { toTaggedYaml } from './emit-yaml.js';
import { reportExpectedDifferences } from './expected.js';
import { collectInputs, type TimeloopInputs } from './inputs.js';
import { convertMapper } from './mapper-settings.js';
import { buildMapping, keptTensors } from './mapping.js';
import type { ComponentLevel, Level, Problem } from './model.js';
import { readProblem } from './problem.js';
import type { ConversionReport } from './report.js';
import { TimeloopInputError, type PlainMap } from './source.js';
import { emitWorkload } from './workload.js';

/** One Timeloop input file. */
export interface TimeloopFile {
  path: string;
  text: string;
}

/** Result of a conversion: the AccelForge spec text and what was lost on the way. */
export interface TimeloopConversion {
  yaml: string;
  report: ConversionReport;
}

/** Convert Timeloop v0.4 / v0.3 files (arch, problem, mapping, constraints, ERT/ART) into one AccelForge spec. */
export function convertTimeloopOrThrow(files: readonly TimeloopFile[]): TimeloopConversion {
  const inputs = collectInputs(files);
  const { arch, problem, format } = readModel(inputs);
  const report = inputs.reporter;
  const storages = arch.levels.filter((l): l is ComponentLevel => l.kind === 'storage');
  const bitsPerValue = commonDatawidth(storages);
  const techNode = commonTechNode(storages);
  const constraints = convertConstraints(arch.levels, problem, [...arch.constraints, ...inputs.constraints], report);
  const archNode: PlainMap = {};
  if (techNode !== undefined) archNode['extra_attributes_for_all_component_models'] = { tech_node: techNode };
  archNode['nodes'] = emitArchNodes(arch.levels, { costs: inputs.costs, constraints, bitsPerValue, techNode, report, lostSeen: new Set() });
  const spec: PlainMap = { arch: archNode, workload: emitWorkload(problem, bitsPerValue) };
  if (inputs.mapping.length > 0) {
    const dataspace = [...inputs.mapping, ...arch.constraints, ...inputs.constraints];
    const kept = (level: ComponentLevel): string[] => keptTensors(level, level === storages[0], problem, dataspace);
    const mapping = buildMapping(arch.levels, problem, inputs.mapping, kept, report);
    spec['mapping'] = { nodes: mapping.nodes };
    reportExpectedDifferences(mapping.steps, { levels: arch.levels, problem, costs: inputs.costs, bitsPerValue, report });
  }
  const mapper = convertMapper(inputs.mapper, report);
  if (mapper) spec['mapper'] = mapper;
  if (inputs.costs.energy.size === 0) {
    report.add('approximated', 'component energies', 'no ERT given; energies come from hwcomponents models, not Accelergy');
  }
  const header = `# Converted from Timeloop (${format}) by AccelForge Web: ${files.map((f) => f.path.split('/').pop()).join(', ')}\n`;
  return { yaml: toTaggedYaml(spec, header), report: { format, items: report.items } };
}

/** Architecture levels and problem in the converter's own terms, whatever the input version. */
function readModel(inputs: TimeloopInputs): { arch: ArchLevels; problem: Problem; format: string } {
  if (!inputs.arch) throw new TimeloopInputError('no `architecture:` found in the given files');
  if (!inputs.problem) throw new TimeloopInputError('no `problem:` found in the given files');
  const isV3 = Array.isArray(inputs.arch.node['subtree']);
  const format = isV3 ? (inputs.processed ? 'v0.4-processed (v0.3-shaped)' : 'v0.3') : 'v0.4';
  const arch = isV3 ? readArchV3(inputs.arch, inputs.reporter) : readArchV4(inputs.arch, inputs.reporter);
  substituteVariables(arch.levels, inputs);
  if (!arch.levels.some((l) => l.kind === 'storage')) {
    throw new TimeloopInputError('the architecture has no storage level', { file: inputs.arch.src.path, line: 1, col: 1 });
  }
  return { arch, problem: readProblem(inputs.problem, inputs.reporter), format };
}

function commonDatawidth(storages: ComponentLevel[]): number {
  const counts = new Map<number, number>();
  for (const s of storages) {
    const dw = numAttr(s, 'datawidth', 'word-bits', 'word_bits');
    if (dw !== undefined) counts.set(dw, (counts.get(dw) ?? 0) + 1);
  }
  let best = 8;
  let bestCount = 0;
  for (const [dw, n] of counts) if (n > bestCount) [best, bestCount] = [dw, n];
  return best;
}

function commonTechNode(storages: ComponentLevel[]): number | undefined {
  for (const s of storages) {
    const t = techNodeMetres(attr(s, 'technology'));
    if (t !== undefined && t < 1e-6) return t;
  }
  return undefined;
}

/** Attributes written as a variable name take that variable's value (`datawidth: DATAWIDTH`). */
function substituteVariables(levels: Level[], inputs: TimeloopInputs): void {
  for (const level of levels) {
    if (level.kind === 'fanout') continue;
    for (const [name, a] of level.attrs) {
      if (typeof a.value !== 'string' || !inputs.variables.has(a.value)) continue;
      const value = inputs.variables.get(a.value);
      if (typeof value === 'number' || typeof value === 'string') level.attrs.set(name, { value, at: a.at });
    }
  }
}
