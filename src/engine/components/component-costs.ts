/**
 * Glue between an evaluated arch component and the component models, following AccelForge:
 * explicit values win; `component_class: Dummy` is free; otherwise a model is selected.
 * Results are then scaled and multiplied by n_parallel_instances (and fanout for totals).
 */
import type { SpecPath } from '../base/errors.js';
import { specError } from '../base/errors.js';
import type { Result } from '../base/result.js';
import { err, ok } from '../base/result.js';
import type { ComponentModelRegistry } from './registry.js';
import type { ModelQuery } from './selection.js';
import { NoModelError, selectModel } from './selection.js';
import type { ActionCost, AttributeValue } from './types.js';
import { FREE_ACTION } from './types.js';

/** One action of a component, evaluated. */
export interface ComponentActionInput {
  readonly name: string;
  readonly explicitEnergy?: number | null;
  readonly explicitThroughput?: number | null;
  /** The action's own `energy_scale` (default 1). */
  readonly energyScale?: number;
  /** The action's own `throughput_scale` (default 1). */
  readonly throughputScale?: number;
  /** Action fields and extra attributes, e.g. `bits_per_action` (already defaulted to 1 for memories). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** An evaluated component, as the component models need it. */
export interface ComponentCostInput {
  readonly name: string;
  readonly componentClass: string | null;
  /** Evaluated component fields plus (inherited) extra attributes, e.g. size, tech_node, n_banks. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly explicit?: { readonly area?: number | null; readonly leakPower?: number | null };
  /** Component-level scales (default 1). */
  readonly scales?: {
    readonly area?: number;
    readonly leakPower?: number;
    readonly energy?: number;
    readonly throughput?: number;
  };
  readonly nParallelInstances?: number;
  /** Product of the ancestors' fanouts (not the component's own). */
  readonly globalFanout?: number;
  readonly actions: readonly ComponentActionInput[];
  /** Spec path of the component, for error messages. */
  readonly path?: SpecPath;
}

/** Per-action costs after all scaling. Latency is the model's per-call figure (informational). */
export type ComponentActionCost = ActionCost;

/** Costs of one component. `area`/`totalArea` are null when area was not requested. */
export interface ComponentCosts {
  readonly area: number | null;
  readonly totalArea: number | null;
  readonly leakPower: number;
  readonly totalLeakPower: number;
  readonly actions: Readonly<Record<string, ComponentActionCost>>;
  readonly log: readonly string[];
}

export interface ComponentCostOptions {
  readonly registry: ComponentModelRegistry;
  /** The mapper skips area (default true). */
  readonly computeArea?: boolean;
}

/** Area, leak power and per-action energy/throughput of one component. */
export function computeComponentCosts(input: ComponentCostInput, options: ComponentCostOptions): Result<ComponentCosts> {
  const costing = new ComponentCosting(input, options.registry);
  try {
    return ok(costing.run(options.computeArea ?? true));
  } catch (error) {
    if (error instanceof MissingValueError || error instanceof NoModelError) {
      return err(
        specError('component', `${input.name}: ${error.message}`, {
          path: input.path ?? [],
          hint: error instanceof MissingValueError ? error.hint : noModelHint(input.componentClass, error.unknownClass),
        }),
      );
    }
    throw error;
  }
}

class MissingValueError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

function noModelHint(componentClass: string | null, unknownClass: boolean): string {
  if (unknownClass) return `check the spelling of component_class '${componentClass}', or register a model for it`;
  return 'give the attributes the model needs (see the reasons above), or set the value explicitly in the spec';
}

class ComponentCosting {
  private readonly log: string[] = [];
  private readonly isDummy: boolean;

  constructor(
    private readonly input: ComponentCostInput,
    private readonly registry: ComponentModelRegistry,
  ) {
    this.isDummy = input.componentClass?.toLowerCase() === 'dummy';
  }

  run(computeArea: boolean): ComponentCosts {
    const i = this.input;
    const parallel = i.nParallelInstances ?? 1;
    const fanout = i.globalFanout ?? 1;
    if (this.isDummy) this.note('component_class Dummy: zero area, energy and leak power, unlimited throughput');
    const area = computeArea
      ? this.explicitOrModel('area', i.explicit?.area, (m) => m.area) * (i.scales?.area ?? 1) * parallel
      : null;
    const actions: Record<string, ComponentActionCost> = {};
    for (const a of i.actions) actions[a.name] = this.actionCost(a, parallel);
    const leak =
      this.explicitOrModel('leak_power', i.explicit?.leakPower, (m) => m.leakPower) * (i.scales?.leakPower ?? 1) * parallel;
    return {
      area,
      totalArea: area === null ? null : area * fanout,
      leakPower: leak,
      totalLeakPower: leak * fanout,
      actions,
      log: this.log,
    };
  }

  private note(line: string): void {
    if (!this.log.includes(line)) this.log.push(line);
  }

  private requireClass(field: string): string {
    const cls = this.input.componentClass;
    if (cls) return cls;
    throw new MissingValueError(
      `no ${field} given and no component_class to compute it`,
      `set '${field}' on the component, or give it a component_class (e.g. SmartBufferSRAM, IntMAC, Dummy)`,
    );
  }

  private explicitOrModel(
    field: string,
    explicit: number | null | undefined,
    pick: (m: { area: number; leakPower: number }) => number,
  ): number {
    if (explicit !== undefined && explicit !== null) {
      this.note(`${field}: explicit value ${explicit}`);
      return explicit;
    }
    if (this.isDummy) return 0;
    const query: ModelQuery = {
      componentClass: this.requireClass(field),
      attributes: this.input.attributes,
      requiredActions: this.input.actions.map((a) => a.name),
    };
    const chosen = selectModel(this.registry, query, pick);
    for (const line of chosen.log) this.note(line);
    return chosen.value;
  }

  private actionCost(a: ComponentActionInput, parallel: number): ComponentActionCost {
    const scales = this.input.scales;
    const needsModel = a.explicitEnergy == null || a.explicitThroughput == null;
    // `base` is only undefined when both values are explicit, so the NaN fallbacks never apply.
    const base = this.isDummy ? FREE_ACTION : needsModel ? this.modelAction(a) : undefined;
    const energy = a.explicitEnergy ?? base?.energy ?? NaN;
    const throughput = a.explicitThroughput ?? base?.throughput ?? NaN;
    if (a.explicitEnergy != null) this.note(`${a.name}.energy: explicit value ${a.explicitEnergy}`);
    if (a.explicitThroughput != null) this.note(`${a.name}.throughput: explicit value ${a.explicitThroughput}`);
    const latency = base ? base.latency : throughput > 0 ? 1 / throughput : Infinity;
    return {
      energy: energy * (scales?.energy ?? 1) * (a.energyScale ?? 1),
      latency,
      throughput: throughput * (scales?.throughput ?? 1) * (a.throughputScale ?? 1) * parallel,
    };
  }

  private modelAction(a: ComponentActionInput): ActionCost {
    const args = { ...this.input.attributes, ...(a.attributes ?? {}) };
    const query: ModelQuery = {
      componentClass: this.requireClass(`${a.name} energy/throughput`),
      attributes: this.input.attributes,
      action: { name: a.name, args },
      requiredActions: this.input.actions.map((x) => x.name),
    };
    const chosen = selectModel(this.registry, query, (m) => m.runAction(a.name, args));
    for (const line of chosen.log) this.note(line);
    return chosen.value;
  }
}
