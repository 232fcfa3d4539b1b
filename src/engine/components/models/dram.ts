/**
 * Off-chip DRAM as a fixed energy per bit and a fixed access rate (zero area and leak).
 * One access moves `width` bits; pass `bits_per_action` to cost a different access size.
 */
import type { ComponentModelDefinition } from '../model-definition.js';
import { integerAttrOr, makeInstance } from '../model-definition.js';
import { ModelRejection } from '../types.js';

interface DramSpec {
  readonly type: string;
  readonly picojoulesPerBit: number;
  readonly accessesPerSecond: number;
  readonly defaultWidth: number;
  readonly minWidth?: number;
  readonly maxWidth?: number;
}

const MEBI = 1024 * 1024;
const GIBI = 1024 * MEBI;

export const DRAM_SPECS: readonly DramSpec[] = [
  { type: 'LPDDR4', picojoulesPerBit: 8, accessesPerSecond: 50 * MEBI, defaultWidth: 64, maxWidth: 64 },
  { type: 'LPDDR', picojoulesPerBit: 40, accessesPerSecond: 6.25 * MEBI, defaultWidth: 64, maxWidth: 64 },
  { type: 'DDR3', picojoulesPerBit: 70, accessesPerSecond: 33.3 * MEBI, defaultWidth: 64, maxWidth: 64 },
  { type: 'HBM2', picojoulesPerBit: 6.25, accessesPerSecond: 2.4 * GIBI, defaultWidth: 2048, minWidth: 1024 },
  { type: 'HBM3', picojoulesPerBit: 4.05, accessesPerSecond: 6.4 * 8 * GIBI, defaultWidth: 2048, minWidth: 1024 },
  { type: 'HBM4', picojoulesPerBit: 3.2, accessesPerSecond: 8 * 8 * GIBI, defaultWidth: 4096, minWidth: 2048 },
];

function checkWidth(spec: DramSpec, width: number): void {
  if (spec.maxWidth !== undefined && width > spec.maxWidth) {
    throw new ModelRejection(`${spec.type} width ${width} exceeds ${spec.maxWidth} bits`);
  }
  if (spec.minWidth !== undefined && width < spec.minWidth) {
    throw new ModelRejection(`${spec.type} width ${width} is below ${spec.minWidth} bits`);
  }
}

function dramModel(spec: DramSpec): ComponentModelDefinition {
  const def: ComponentModelDefinition = {
    id: spec.type,
    aliases: [`DRAM${spec.type}`, `DRAM_${spec.type}`, spec.type],
    priority: 0.3,
    params: [{ name: 'width' }],
    actions: { read: { bitsPerAction: 'width' }, write: { bitsPerAction: 'width' } },
    create(attrs) {
      const width = integerAttrOr(attrs, 'width', spec.defaultWidth);
      checkWidth(spec, width);
      const access = () => ({
        energy: spec.picojoulesPerBit * 1e-12 * width,
        latency: 1 / spec.accessesPerSecond,
        throughput: spec.accessesPerSecond,
      });
      const inst = makeInstance(def, { area: 0, leakPower: 0 }, { read: access, write: access });
      inst.values['width'] = width;
      return inst;
    },
  };
  return def;
}

export const DRAM_MODELS: readonly ComponentModelDefinition[] = DRAM_SPECS.map(dramModel);
