/**
 * SmartBufferSRAM: an SRAM plus the address-generation logic of a smart buffer (an address
 * register, a delta register and an adder, each as wide as the address).
 */
import type { CactiOracle } from '../cacti/cacti-oracle.js';
import type { ComponentModelDefinition } from '../model-definition.js';
import { makeInstance, numberAttr } from '../model-definition.js';
import type { ActionContext } from '../model-instance.js';
import { aladdinAdder, aladdinRegister } from './aladdin.js';
import { SRAM_PARAMS, createSram } from './sram.js';

const INNER_SRAM: Pick<ComponentModelDefinition, 'id' | 'actions'> = {
  id: 'SRAM',
  actions: { read: { bitsPerAction: 'width' }, write: { bitsPerAction: 'width' } },
};

/** The `SmartBufferSRAM` component class. */
export function smartBufferSramModel(oracle: CactiOracle): ComponentModelDefinition {
  const def: ComponentModelDefinition = {
    id: 'SmartBufferSRAM',
    aliases: ['smart_buffer_sram', 'smartbuffer_sram', 'smartbuffersram'],
    priority: 0.3,
    params: SRAM_PARAMS,
    actions: { read: { bitsPerAction: 'width' }, write: { bitsPerAction: 'width' } },
    create(attrs) {
      const sram = createSram(INNER_SRAM, attrs, oracle);
      const width = sram.values['width'] as number;
      const addressBits = Math.max(Math.ceil(Math.log2(sram.values['depth'] as number)), 1);
      const tech = numberAttr(attrs, 'tech_node');
      const addressReg = aladdinRegister.create({ tech_node: tech, width: addressBits });
      const deltaReg = aladdinRegister.create({ tech_node: tech, width: addressBits });
      const adder = aladdinAdder.create({ tech_node: tech, width: addressBits });
      const access = (sramAction: 'read' | 'write') => (ctx: ActionContext): void => {
        ctx.call(sram, sramAction, { bits_per_action: width });
        ctx.call(addressReg, sramAction);
        ctx.call(deltaReg, 'read');
        ctx.call(adder, 'add');
      };
      const inst = makeInstance(def, { subcomponents: [sram, addressReg, deltaReg, adder] }, {
        read: access('read'),
        write: access('write'),
      });
      inst.values['width'] = width;
      inst.values['address_bits'] = addressBits;
      return inst;
    },
  };
  return def;
}
