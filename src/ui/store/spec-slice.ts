/** The design being edited: its files, which of them form the spec, Jinja variables, mapper knobs. */
import type { StoreSlice } from './slice.js';

export type VariableValue = string | number | boolean;

export type MapperMetric = 'energy' | 'latency' | 'edp';

/** Mapper knobs exposed in the UI (AccelForge's FFM options, camelCased). */
export interface MapperSettings {
  readonly metric: MapperMetric;
  readonly maxFusedLoops: number;
  readonly timeLimitSeconds: number;
}

export const DEFAULT_MAPPER: MapperSettings = { metric: 'edp', maxFusedLoops: 1, timeLimitSeconds: 60 };

/** The tab that shows the mapper settings form rather than a file. */
export const MAPPER_TAB = '#mapper';

export interface SpecData {
  /** Spec file texts by path; paths mirror src/examples (e.g. 'arches/simple.yaml') so includes resolve. */
  files: Readonly<Record<string, string>>;
  /** Paths that make up the spec, in order. */
  specFiles: readonly string[];
  /** Which tab is open: a file path or MAPPER_TAB. */
  activeFile: string;
  /** Jinja variables the user changed (defaults come from the examples and are not stored). */
  variables: Readonly<Record<string, VariableValue>>;
  mapper: MapperSettings;
}

export interface SpecActions {
  setFileText(path: string, text: string): void;
  /** Adds or replaces a file; it joins the spec when it is not part of it yet. */
  addFile(path: string, text: string): void;
  /** Swaps the spec file at `role` (same position) for another file. */
  replaceSpecFile(oldPath: string | null, newPath: string, text: string): void;
  setActiveFile(path: string): void;
  /** Drops a file from the spec (and its text). */
  removeSpecFile(path: string): void;
  setVariable(name: string, value: VariableValue | null): void;
  setVariables(variables: Readonly<Record<string, VariableValue>>): void;
  setMapper(patch: Partial<MapperSettings>): void;
}

export const DEFAULT_SPEC: SpecData = {
  files: {},
  specFiles: [],
  activeFile: MAPPER_TAB,
  variables: {},
  mapper: DEFAULT_MAPPER,
};

export const createSpecSlice: StoreSlice<SpecActions> = (set) => ({
  setFileText: (path, text) => set((s) => ({ files: { ...s.files, [path]: text } })),
  addFile: (path, text) =>
    set((s) => ({
      files: { ...s.files, [path]: text },
      specFiles: s.specFiles.includes(path) ? s.specFiles : [...s.specFiles, path],
      activeFile: path,
    })),
  replaceSpecFile: (oldPath, newPath, text) =>
    set((s) => {
      const files: Record<string, string> = { ...s.files, [newPath]: text };
      if (oldPath !== null && oldPath !== newPath) delete files[oldPath];
      const at = oldPath === null ? -1 : s.specFiles.indexOf(oldPath);
      const specFiles =
        at < 0 ? [...s.specFiles, newPath] : s.specFiles.map((p, i) => (i === at ? newPath : p));
      return { files, specFiles, activeFile: newPath };
    }),
  setActiveFile: (path) => set({ activeFile: path }),
  removeSpecFile: (path) =>
    set((s) => {
      const files: Record<string, string> = { ...s.files };
      delete files[path];
      const specFiles = s.specFiles.filter((p) => p !== path);
      return { files, specFiles, activeFile: s.activeFile === path ? (specFiles[0] ?? MAPPER_TAB) : s.activeFile };
    }),
  setVariable: (name, value) =>
    set((s) => {
      const variables: Record<string, VariableValue> = { ...s.variables };
      if (value === null) delete variables[name];
      else variables[name] = value;
      return { variables };
    }),
  setVariables: (variables) => set({ variables }),
  setMapper: (patch) => set((s) => ({ mapper: { ...s.mapper, ...patch } })),
});
