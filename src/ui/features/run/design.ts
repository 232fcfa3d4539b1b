/** Turns the store's spec state into the engine's DesignFiles. */
import type { DesignFiles } from '../../../engine/index.js';
import type { ExplorerData } from '../../store/state.js';
import type { ExampleEntry } from '../examples/catalogue.js';

export type DesignState = Pick<ExplorerData, 'files' | 'specFiles' | 'variables'>;

/**
 * Bundled files go in underneath the user's so `include_text(...)` of example parts resolves;
 * catalogue defaults go under the user's variables for variables the files do not default.
 */
export function buildDesign(
  state: DesignState,
  bundled: Readonly<Record<string, string>>,
  examples: readonly ExampleEntry[],
): DesignFiles {
  const defaults: Record<string, unknown> = {};
  for (const entry of examples) {
    if (!state.specFiles.includes(entry.path)) continue;
    for (const variable of entry.variables) {
      if (variable.defaultValue !== null) defaults[variable.name] ??= variable.defaultValue;
    }
  }
  return {
    files: { ...bundled, ...state.files },
    specFiles: [...state.specFiles],
    variables: { ...defaults, ...state.variables },
  };
}
