/**
 * The set of component models an engine call may use. It is a plain object passed into
 * engine calls (never a global), so Node, workers and tests can each use their own.
 */
import type { ComponentModelDefinition } from './model-definition.js';

/** Thrown when a model definition is malformed; a programming error in the model, not the spec. */
export class ModelRegistrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelRegistrationError';
  }
}

/** A mutable collection of component models, keyed by model id. */
export class ComponentModelRegistry {
  private readonly byId = new Map<string, ComponentModelDefinition>();

  constructor(models: Iterable<ComponentModelDefinition> = []) {
    for (const m of models) this.register(m);
  }

  /** Add a model. Ids must be unique; use `replace` to override a built-in model. */
  register(model: ComponentModelDefinition): this {
    validateDefinition(model);
    if (this.byId.has(model.id)) {
      throw new ModelRegistrationError(`a model with id '${model.id}' is already registered; use replace() to override it`);
    }
    this.byId.set(model.id, model);
    return this;
  }

  /** Add or override a model with the same id. */
  replace(model: ComponentModelDefinition): this {
    validateDefinition(model);
    this.byId.set(model.id, model);
    return this;
  }

  /** Remove a model by id; returns whether it was there. */
  unregister(id: string): boolean {
    return this.byId.delete(id);
  }

  get(id: string): ComponentModelDefinition | undefined {
    return this.byId.get(id);
  }

  /** All models, in registration order. */
  list(): readonly ComponentModelDefinition[] {
    return [...this.byId.values()];
  }

  /** Models with an alias equal to `componentClass`, ignoring case. */
  modelsForClass(componentClass: string): readonly ComponentModelDefinition[] {
    const wanted = componentClass.toLowerCase();
    return this.list().filter((m) => m.aliases.some((a) => a.toLowerCase() === wanted));
  }

  /** A copy that can be extended without touching this registry. */
  clone(): ComponentModelRegistry {
    return new ComponentModelRegistry(this.byId.values());
  }
}

function validateDefinition(model: ComponentModelDefinition): void {
  if (!model.id) throw new ModelRegistrationError('a model needs a non-empty id');
  if (model.aliases.length === 0) throw new ModelRegistrationError(`model '${model.id}' needs at least one alias`);
  if (!(model.priority >= 0 && model.priority <= 1)) {
    throw new ModelRegistrationError(`model '${model.id}' has priority ${model.priority}; it must be in [0, 1]`);
  }
  if (typeof model.create !== 'function') throw new ModelRegistrationError(`model '${model.id}' needs a create() function`);
}
