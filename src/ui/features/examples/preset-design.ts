/** Presets that load a bundled arch and workload with fixed Jinja variables (sweep and analysis presets). */
import type { SpecData, VariableValue } from '../../store/spec-slice.js';

type PresetDesign = Pick<SpecData, 'files' | 'specFiles' | 'activeFile' | 'variables'>;

/** The design part of a preset: the two bundled files, the arch opened, the variables set. */
export function presetDesign(arch: string, workload: string, variables: Readonly<Record<string, VariableValue>>, bundled: Readonly<Record<string, string>>): PresetDesign {
  const specFiles = [arch, workload];
  return {
    files: Object.fromEntries(specFiles.map((p) => [p, bundled[p] ?? ''])),
    specFiles,
    activeFile: arch,
    variables,
  };
}

/** True when loading a preset would drop edits to the current spec files. */
export function presetDropsEdits(state: Pick<SpecData, 'files' | 'specFiles'>, bundled: Readonly<Record<string, string>>): boolean {
  return state.specFiles.some((p) => state.files[p] !== undefined && state.files[p] !== bundled[p]);
}
