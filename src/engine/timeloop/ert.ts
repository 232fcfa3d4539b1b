import type { Plain, Reporter, SourceFile } from './source.js';
import { asList, asMap, asNumber, asString } from './values.js';

/** Accelergy energies (pJ per action) and areas (µm²) keyed by component name. */
export interface CostTables {
  energy: Map<string, Map<string, number>>;
  area: Map<string, number>;
}

/** Component name of an ERT/ART table entry: `top.PE.Buffer[1..16]` → `Buffer`. */
export function tableComponentName(entry: string): string {
  const plain = entry.replace(/\[[^\]]*\]/g, '');
  return plain.split('.').pop() ?? plain;
}

/** Read the `ERT:` tables of a file into `tables`. Argument variants keep the highest energy. */
export function readErt(value: Plain | undefined, src: SourceFile, tables: CostTables, reporter: Reporter): void {
  const root = asMap(value);
  for (const table of asList(root?.['tables']) ?? []) {
    const t = asMap(table);
    const name = asString(t?.['name']);
    if (!t || !name) continue;
    const actions = new Map<string, number>();
    let variants = false;
    for (const action of asList(t['actions']) ?? []) {
      const a = asMap(action);
      const actionName = asString(a?.['name']);
      const energy = asNumber(a?.['energy']);
      if (!actionName || energy === undefined) continue;
      const previous = actions.get(actionName);
      if (previous !== undefined) variants = true;
      actions.set(actionName, Math.max(previous ?? 0, energy));
    }
    if (variants) {
      reporter.add('approximated', `ERT argument variants of ${name}`,
        'AccelForge has one energy per action; the highest-energy variant (random access) is used', src, t);
    }
    tables.energy.set(tableComponentName(name), actions);
  }
}

/** Read the `ART:` tables of a file into `tables`. */
export function readArt(value: Plain | undefined, tables: CostTables): void {
  const root = asMap(value);
  for (const table of asList(root?.['tables']) ?? []) {
    const t = asMap(table);
    const name = asString(t?.['name']);
    const area = asNumber(t?.['area']);
    if (name && area !== undefined) tables.area.set(tableComponentName(name), area);
  }
}
