/**
 * SRAM backed by CACTI results (via a `CactiOracle`). One access moves `width` bits;
 * throughput is ports × banks accesses per cycle.
 */
import type { CactiOracle } from '../cacti/cacti-oracle.js';
import type { ComponentModelDefinition } from '../model-definition.js';
import { makeInstance } from '../model-definition.js';
import type { ModelInstance } from '../model-instance.js';
import type { Attributes } from '../types.js';
import { sramCosts, sramShape } from './sram-geometry.js';

export const SRAM_PARAMS = [
  { name: 'tech_node', required: true },
  { name: 'width' },
  { name: 'depth' },
  { name: 'size' },
  { name: 'n_rw_ports' },
  { name: 'n_banks' },
] as const;

/** Build a CACTI-backed SRAM instance (also used inside SmartBufferSRAM). */
export function createSram(
  def: Pick<ComponentModelDefinition, 'id' | 'actions'>,
  attrs: Attributes,
  oracle: CactiOracle,
): ModelInstance {
  const shape = sramShape(attrs);
  const costs = sramCosts(shape, oracle);
  const throughput = 1 / ((costs.cycleTime / (shape.width * shape.ports * shape.banks)) * shape.width);
  const inst = makeInstance(def, { area: costs.area, leakPower: costs.leakPower }, {
    read: () => ({ energy: costs.readEnergy, latency: costs.accessTime, throughput }),
    write: () => ({ energy: costs.writeEnergy, latency: costs.accessTime, throughput }),
  });
  inst.values['width'] = shape.width;
  inst.values['depth'] = shape.depth;
  inst.values['size'] = shape.size;
  inst.notes.push(
    `SRAM ${shape.width} b × ${shape.depth} rows, ${shape.ports} port(s), ${shape.banks} bank(s) at ${shape.techNm} nm`,
    ...costs.notes,
  );
  return inst;
}

/** The `SRAM` component class. */
export function sramModel(oracle: CactiOracle): ComponentModelDefinition {
  const def: ComponentModelDefinition = {
    id: 'SRAM',
    aliases: ['SRAM', 'sram'],
    priority: 0.3,
    params: SRAM_PARAMS,
    actions: { read: { bitsPerAction: 'width' }, write: { bitsPerAction: 'width' } },
    create: (attrs) => createSram(def, attrs, oracle),
  };
  return def;
}
