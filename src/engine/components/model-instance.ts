/**
 * A constructed component model: its own area/leak (or subcomponents), the scale factors
 * accumulated by width/tech scaling, and its action bodies.
 */
import type { ScaleFunction } from './scaling/scale-functions.js';
import type { ActionCost, Attributes } from './types.js';
import { ModelRejection } from './types.js';

/** How an action is called: extra parameters it accepts and its nominal bits per call. */
export interface ActionSignature {
  /** Action parameters the body reads (besides `bits_per_action`). */
  readonly params?: readonly string[];
  /** A model value name (e.g. 'width') or a number: the bits one call moves. */
  readonly bitsPerAction?: string | number;
}

/** Lets an action body spend subcomponent actions; their costs are added to the call. */
export interface ActionContext {
  call(sub: ModelInstance, action: string, args?: Attributes): ActionCost;
}

/** Returns the model's own cost, or nothing when it only spends subcomponent actions. */
export type ActionBody = (ctx: ActionContext, args: Attributes) => ActionCost | void;

/** Per-quantity scale functions for `ModelInstance.scale`. Missing entries mean "no scaling". */
export interface ScaleFunctions {
  readonly area?: ScaleFunction;
  readonly energy?: ScaleFunction;
  readonly latency?: ScaleFunction;
  readonly leakPower?: ScaleFunction;
  readonly throughput?: ScaleFunction;
}

type ScaleKey = keyof ScaleFunctions;
const SCALE_KEYS: readonly ScaleKey[] = ['area', 'energy', 'latency', 'leakPower', 'throughput'];

export type InstanceParts =
  | { readonly area: number; readonly leakPower: number }
  | { readonly subcomponents: readonly ModelInstance[] };

/** A model ready to answer area, leak power and action costs. */
export class ModelInstance {
  /** Multipliers on the model's own costs (not on its subcomponents'). */
  readonly scales: Record<ScaleKey, number> = { area: 1, energy: 1, latency: 1, leakPower: 1, throughput: 1 };
  /** Named numeric values (e.g. width) that `bitsPerAction` can refer to. */
  readonly values: Record<string, number> = {};
  /** Remarks for the modeling log, e.g. "CACTI result interpolated". */
  readonly notes: string[] = [];
  private readonly ownArea: number;
  private readonly ownLeak: number;
  readonly subcomponents: readonly ModelInstance[];

  constructor(
    readonly modelId: string,
    parts: InstanceParts,
    private readonly signatures: Readonly<Record<string, ActionSignature>>,
    private readonly bodies: Readonly<Record<string, ActionBody>>,
  ) {
    if ('subcomponents' in parts) {
      this.ownArea = 0;
      this.ownLeak = 0;
      this.subcomponents = parts.subcomponents;
    } else {
      this.ownArea = parts.area;
      this.ownLeak = parts.leakPower;
      this.subcomponents = [];
    }
  }

  get area(): number {
    return this.subcomponents.reduce((sum, s) => sum + s.area, this.ownArea * this.scales.area);
  }

  get leakPower(): number {
    return this.subcomponents.reduce((sum, s) => sum + s.leakPower, this.ownLeak * this.scales.leakPower);
  }

  /** Notes of this model and all its subcomponents. */
  allNotes(): string[] {
    return [...this.notes, ...this.subcomponents.flatMap((s) => s.allNotes())];
  }

  hasAction(name: string): boolean {
    return name in this.bodies;
  }

  /** Scale costs from the value the constants were measured at (`base`) to `target`. */
  scale(target: number, base: number, fns: ScaleFunctions, includeSubcomponents = true): number {
    if (target === base) return target;
    for (const key of SCALE_KEYS) {
      const fn = fns[key];
      if (fn) this.scales[key] *= fn(target, base);
    }
    if (includeSubcomponents) for (const s of this.subcomponents) s.scale(target, base, fns, true);
    return target;
  }

  /** Run one action; own cost is scaled, subcomponent costs are added, then bits_per_action applies. */
  runAction(name: string, args: Attributes = {}): ActionCost {
    const body = this.bodies[name];
    if (!body) throw new ModelRejection(`${this.modelId} has no action '${name}'`);
    const spent: ActionCost[] = [];
    const ctx: ActionContext = {
      call: (sub, action, subArgs = {}) => {
        const cost = sub.runAction(action, subArgs);
        spent.push(cost);
        return cost;
      },
    };
    const own = body(ctx, args);
    let total: ActionCost = own
      ? {
          energy: own.energy * this.scales.energy,
          latency: own.latency * this.scales.latency,
          throughput: own.throughput * this.scales.throughput,
        }
      : { energy: 0, latency: 0, throughput: Infinity };
    for (const cost of spent) total = addCosts(total, cost);
    return this.applyBitsPerAction(name, total, args);
  }

  private applyBitsPerAction(name: string, cost: ActionCost, args: Attributes): ActionCost {
    const declared = this.signatures[name]?.bitsPerAction;
    const bits = args['bits_per_action'];
    if (declared === undefined || typeof bits !== 'number') return cost;
    const nominal = typeof declared === 'number' ? declared : this.values[declared];
    if (nominal === undefined) throw new ModelRejection(`${this.modelId} has no value '${String(declared)}'`);
    const ratio = bits / nominal;
    return { energy: cost.energy * ratio, latency: cost.latency, throughput: cost.throughput / ratio };
  }
}

/** Costs of two actions done together: energy and latency add, throughput is the slower one. */
export function addCosts(a: ActionCost, b: ActionCost): ActionCost {
  return { energy: a.energy + b.energy, latency: a.latency + b.latency, throughput: Math.min(a.throughput, b.throughput) };
}
