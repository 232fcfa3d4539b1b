/** The built-in component models. */
import type { CactiOracle } from './cacti/cacti-oracle.js';
import { TableCactiOracle } from './cacti/table-oracle.js';
import { CACTI_FAILED, CACTI_GRID, CACTI_ROWS } from './data/cacti-table.js';
import type { ComponentModelDefinition } from './model-definition.js';
import { adc } from './models/adc.js';
import { ALADDIN_MODELS } from './models/aladdin.js';
import { capacitor, wire } from './models/capacitor.js';
import { DRAM_MODELS } from './models/dram.js';
import { DUMMY_MODELS } from './models/dummy.js';
import { smartBufferSramModel } from './models/smart-buffer-sram.js';
import { sramModel } from './models/sram.js';
import { ComponentModelRegistry } from './registry.js';

let tableOracle: TableCactiOracle | undefined;

/** The CACTI oracle backed by the bundled table (built once, then shared; it is read-only). */
export function bundledCactiOracle(): CactiOracle {
  tableOracle ??= new TableCactiOracle(CACTI_ROWS, CACTI_FAILED, CACTI_GRID);
  return tableOracle;
}

/** Every built-in model definition, with SRAMs answered by `oracle`. */
export function builtInModels(oracle: CactiOracle = bundledCactiOracle()): ComponentModelDefinition[] {
  return [
    ...DUMMY_MODELS,
    ...ALADDIN_MODELS,
    ...DRAM_MODELS,
    sramModel(oracle),
    smartBufferSramModel(oracle),
    capacitor,
    wire,
    adc,
  ];
}

/** A fresh registry holding the built-in models; register user models on it. */
export function createDefaultRegistry(options: { cactiOracle?: CactiOracle } = {}): ComponentModelRegistry {
  return new ComponentModelRegistry(builtInModels(options.cactiOracle));
}
