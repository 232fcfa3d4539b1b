/** Task entry points over in-memory designs, as the worker receives them. */
import type { CheckResult, DesignFiles } from '../api.js';
import { MemoryFileSystem } from '../io/memory-file-system.js';
import { checkSpec } from './check.js';
import type { SpecInput } from './prepare.js';

/** The design's files in an in-memory file system rooted at `/`. */
export function designInput(design: DesignFiles): SpecInput {
  return { fs: new MemoryFileSystem({ ...design.files }), specFiles: design.specFiles, variables: design.variables };
}

export function checkDesign(design: DesignFiles): CheckResult {
  return checkSpec(designInput(design));
}
