import { readArt, readErt, type CostTables } from './ert.js';
import { readDirectiveList } from './directives.js';
import type { Directive, Located } from './model.js';
import { Reporter, SourceFile, TimeloopInputError, type PlainMap } from './source.js';
import { asMap } from './values.js';

/** All top-level sections of the given Timeloop files, merged. */
export interface TimeloopInputs {
  arch?: Located;
  problem?: Located;
  mapper?: Located;
  mapping: Directive[];
  constraints: Directive[];
  variables: Map<string, unknown>;
  costs: CostTables;
  /** The files came from timeloopfe's `parsed-processed-input.yaml`. */
  processed: boolean;
  reporter: Reporter;
}

const DROPPED_SECTIONS: Record<string, string> = {
  mapspace: 'the mapspace template (uber/ruby) has no counterpart; AccelForge explores imperfect loops via mapper knobs',
  globals: 'environment variables, Python expression functions and Accelergy plug-ins cannot run here',
  sparse_optimizations: 'sparse optimizations (formats, gating, skipping) are not modelled by AccelForge',
  model: 'timeloop-model settings have no counterpart',
};

/** Parse every file and sort its top-level keys into sections (Timeloop's part-name matching). */
export function collectInputs(files: readonly { path: string; text: string }[]): TimeloopInputs {
  const inputs: TimeloopInputs = {
    mapping: [],
    constraints: [],
    variables: new Map(),
    costs: { energy: new Map(), area: new Map() },
    processed: false,
    reporter: new Reporter(),
  };
  for (const file of files) {
    const src = new SourceFile(file.path, file.text);
    const root = asMap(src.root);
    if (!root) {
      if (src.root === null) continue;
      throw new TimeloopInputError(`${file.path}: expected a YAML mapping at the top level`);
    }
    for (const key of Object.keys(root)) addSection(inputs, src, root, key);
  }
  return inputs;
}

function addSection(inputs: TimeloopInputs, src: SourceFile, root: PlainMap, key: string): void {
  const value = root[key];
  const map = asMap(value);
  const report = inputs.reporter;
  if (key === 'architecture' && map) inputs.arch = { src, node: map };
  else if (key === 'problem' && map) inputs.problem = { src, node: map };
  else if (key === 'mapper' && map) inputs.mapper = { src, node: map };
  else if (key === 'ERT') readErt(value, src, inputs.costs, report);
  else if (key === 'ART') readArt(value, inputs.costs);
  else if (key === 'variables' && map) addVariables(inputs, map);
  else if (key === 'dumped_by_timeloop_front_end') inputs.processed = true;
  else if (key.includes('constraints')) inputs.constraints.push(...readDirectiveList(value, src));
  else if (key.includes('mapping')) inputs.mapping.push(...readDirectiveList(value, src));
  else if (key.includes('components')) addComponents(report, src, root, key);
  else if (key in DROPPED_SECTIONS) {
    if (!isEmptySection(value)) report.add('dropped', key, DROPPED_SECTIONS[key]!, src, root, key);
  } else report.add('dropped', key, 'unknown top-level key', src, root, key);
}

function addVariables(inputs: TimeloopInputs, map: PlainMap): void {
  for (const [name, value] of Object.entries(map)) if (name !== 'version') inputs.variables.set(name, value);
}

function addComponents(report: Reporter, src: SourceFile, root: PlainMap, key: string): void {
  const classes = asMap(root[key])?.['classes'];
  if (Array.isArray(classes) && classes.length === 0) return;
  report.add('approximated', `${key} (Accelergy compound components)`,
    'compound component definitions are not converted; components use ERT/ART energies when given, else the closest hwcomponents model',
    src, root, key);
}

function isEmptySection(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  const entries = Object.entries(value).filter(([k]) => k !== 'version');
  return entries.every(([, v]) => isEmptySection(v) || (Array.isArray(v) && v.length === 0));
}
