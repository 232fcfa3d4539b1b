/**
 * Aladdin datapath units (Shao et al., ISCA 2014): constants measured at 40 nm and 1 GHz for
 * 32-bit units, scaled by width and tech node. Priority 0.1, so any better model wins.
 */
import type { ComponentModelDefinition } from '../model-definition.js';
import {
  LIBRARY_DEFAULT_BODIES,
  LIBRARY_DEFAULT_SIGNATURES,
  makeInstance,
  numberAttr,
  numberAttrOr,
  optionalNumberAttr,
} from '../model-definition.js';
import type { ActionContext, ModelInstance, ScaleFunctions } from '../model-instance.js';
import { linear, noScale, quadratic } from '../scaling/scale-functions.js';
import {
  techNodeArea,
  techNodeEnergy,
  techNodeLatency,
  techNodeLeak,
  techNodeThroughput,
} from '../scaling/tech-scaling.js';
import type { ActionCost, Attributes } from '../types.js';
import { ModelRejection } from '../types.js';

const ALADDIN_NODE = 40e-9;
const ALADDIN_PRIORITY = 0.1;
const CYCLE = 1e-9;

export const TECH_SCALING: ScaleFunctions = {
  area: techNodeArea,
  energy: techNodeEnergy,
  latency: techNodeLatency,
  leakPower: techNodeLeak,
  throughput: techNodeThroughput,
};

const LINEAR_WIDTH: ScaleFunctions = {
  area: linear,
  energy: linear,
  leakPower: linear,
  latency: noScale,
  throughput: noScale,
};
const QUADRATIC_WIDTH: ScaleFunctions = {
  area: quadratic,
  energy: quadratic,
  leakPower: quadratic,
  latency: noScale,
  throughput: noScale,
};

function oneCycle(energy: number): ActionCost {
  return { energy, latency: CYCLE, throughput: 1 / CYCLE };
}

interface UnitSpec {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly area: number;
  readonly leakPower: number;
  readonly energy: number;
  /** The unit's own action name besides `read`. */
  readonly verb: string;
  /** Default width, or undefined when `width` is required. */
  readonly defaultWidth?: number;
}

/** A 32-bit-referenced unit whose area, energy and leak grow linearly with width. */
function linearWidthUnit(spec: UnitSpec): ComponentModelDefinition {
  const def: ComponentModelDefinition = {
    id: spec.id,
    aliases: spec.aliases,
    priority: ALADDIN_PRIORITY,
    params: [{ name: 'tech_node', required: true }, { name: 'width', required: spec.defaultWidth === undefined }],
    actions: { ...LIBRARY_DEFAULT_SIGNATURES, [spec.verb]: {}, read: {} },
    create(attrs) {
      const act = () => oneCycle(spec.energy);
      const inst = makeInstance(def, { area: spec.area, leakPower: spec.leakPower }, {
        ...LIBRARY_DEFAULT_BODIES,
        [spec.verb]: act,
        read: act,
      });
      inst.scale(numberAttr(attrs, 'tech_node'), ALADDIN_NODE, TECH_SCALING);
      const width =
        spec.defaultWidth === undefined ? numberAttr(attrs, 'width') : numberAttrOr(attrs, 'width', spec.defaultWidth);
      inst.values['width'] = inst.scale(width, 32, LINEAR_WIDTH);
      return inst;
    },
  };
  return def;
}

export const aladdinAdder = linearWidthUnit({
  id: 'AladdinAdder', aliases: ['Adder', 'AladdinAdder', 'IntAdder'],
  area: 278.0e-12, leakPower: 2.4e-6, energy: 0.21e-12, verb: 'add',
});

export const aladdinComparator = linearWidthUnit({
  id: 'AladdinComparator', aliases: ['Comparator', 'AladdinComparator'],
  area: 71.0e-12, leakPower: 2.51e-8, energy: 0.02947e-12, verb: 'compare', defaultWidth: 32,
});

export const aladdinCounter = linearWidthUnit({
  id: 'AladdinCounter', aliases: ['Counter', 'AladdinCounter'],
  area: 495.5e-12, leakPower: 3.21e-7, energy: 0.25074e-12, verb: 'count', defaultWidth: 32,
});

/** A register file of `width` flip-flops; `size` is accepted as a synonym for `width`. */
export const aladdinRegister: ComponentModelDefinition = {
  id: 'AladdinRegister',
  aliases: ['Register', 'AladdinRegister'],
  priority: ALADDIN_PRIORITY,
  params: [{ name: 'tech_node', required: true }, { name: 'width' }, { name: 'size' }],
  actions: { read: { bitsPerAction: 'width' }, write: { bitsPerAction: 'width' } },
  create(attrs) {
    const width = registerWidth(attrs);
    const inst = makeInstance(aladdinRegister, { area: 5.98e-12, leakPower: 0 }, {
      read: () => ({ energy: 0.009e-12, latency: 0, throughput: Infinity }),
      write: () => oneCycle(0.009e-12),
    });
    inst.scale(numberAttr(attrs, 'tech_node'), ALADDIN_NODE, TECH_SCALING);
    inst.values['width'] = inst.scale(width, 1, LINEAR_WIDTH);
    return inst;
  },
};

function registerWidth(attrs: Attributes): number {
  const width = optionalNumberAttr(attrs, 'width');
  const size = optionalNumberAttr(attrs, 'size');
  if (width !== undefined && size !== undefined && width !== size) {
    throw new ModelRejection(`register width (${width}) and size (${size}) must match when both are given`);
  }
  const resolved = width ?? size;
  if (resolved === undefined) throw new ModelRejection('register needs either width or size');
  return resolved;
}

/** Multiplier: `width` scales quadratically; `width_a`/`width_b` scale linearly each. */
export const aladdinMultiplier: ComponentModelDefinition = {
  id: 'AladdinMultiplier',
  aliases: ['Multiplier', 'AladdinMultiplier', 'IntMultiplier'],
  priority: ALADDIN_PRIORITY,
  params: [{ name: 'tech_node', required: true }, { name: 'width' }, { name: 'width_a' }, { name: 'width_b' }],
  actions: { ...LIBRARY_DEFAULT_SIGNATURES, multiply: {}, read: {} },
  create(attrs) {
    const act = () => oneCycle(12.68e-12);
    const inst = makeInstance(aladdinMultiplier, { area: 6350.0e-12, leakPower: 8.0e-5 }, {
      ...LIBRARY_DEFAULT_BODIES,
      multiply: act,
      read: act,
    });
    inst.scale(numberAttr(attrs, 'tech_node'), ALADDIN_NODE, TECH_SCALING);
    scaleMultiplierWidth(inst, attrs);
    return inst;
  },
};

function scaleMultiplierWidth(inst: ModelInstance, attrs: Attributes): void {
  const width = optionalNumberAttr(attrs, 'width');
  const widthA = optionalNumberAttr(attrs, 'width_a');
  const widthB = optionalNumberAttr(attrs, 'width_b');
  if (width !== undefined && (widthA !== undefined || widthB !== undefined)) {
    throw new ModelRejection('set either width or (width_a and width_b), not both');
  }
  if (width !== undefined) {
    inst.values['width'] = inst.scale(width, 32, QUADRATIC_WIDTH);
    return;
  }
  if (widthA === undefined || widthB === undefined) {
    throw new ModelRejection('multiplier needs width, or both width_a and width_b');
  }
  inst.scale(widthA, 32, LINEAR_WIDTH);
  inst.scale(widthB, 32, LINEAR_WIDTH);
  inst.values['width'] = (widthA + widthB) / 2;
}

/** Integer MAC = an adder plus a multiplier; `mac`, `compute` and `read` each do one of both. */
export const aladdinIntMac: ComponentModelDefinition = {
  id: 'AladdinIntMAC',
  aliases: ['IntMAC', 'AladdinIntMAC'],
  priority: ALADDIN_PRIORITY,
  params: [
    { name: 'tech_node', required: true },
    { name: 'adder_width', required: true },
    { name: 'multiplier_width', required: true },
  ],
  actions: { ...LIBRARY_DEFAULT_SIGNATURES, mac: {}, read: {}, compute: {} },
  create(attrs) {
    const tech = numberAttr(attrs, 'tech_node');
    const adder = aladdinAdder.create({ tech_node: tech, width: numberAttr(attrs, 'adder_width') });
    const multiplier = aladdinMultiplier.create({ tech_node: tech, width: numberAttr(attrs, 'multiplier_width') });
    const mac = (ctx: ActionContext): void => {
      ctx.call(adder, 'add');
      ctx.call(multiplier, 'multiply');
    };
    return makeInstance(aladdinIntMac, { subcomponents: [adder, multiplier] }, {
      ...LIBRARY_DEFAULT_BODIES,
      mac,
      read: mac,
      compute: mac,
    });
  },
};

export const ALADDIN_MODELS: readonly ComponentModelDefinition[] = [
  aladdinAdder,
  aladdinRegister,
  aladdinComparator,
  aladdinMultiplier,
  aladdinCounter,
  aladdinIntMac,
];
