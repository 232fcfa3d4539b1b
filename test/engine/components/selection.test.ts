import { describe, expect, it } from 'vitest';
import type { ComponentModelDefinition } from '../../../src/engine/components/index.js';
import {
  ComponentModelRegistry,
  ModelRejection,
  NoModelError,
  createDefaultRegistry,
  makeInstance,
  numberAttr,
  selectModel,
} from '../../../src/engine/components/index.js';

/** A test model whose area is `area`, or that throws when `fails` is set. */
interface FakeOptions {
  area?: number;
  fails?: string;
  params?: ComponentModelDefinition['params'];
}

function fakeModel(id: string, priority: number, opts: FakeOptions = {}): ComponentModelDefinition {
  const def: ComponentModelDefinition = {
    id,
    aliases: ['Widget'],
    priority,
    params: opts.params ?? [{ name: 'tech_node', required: true }],
    actions: { read: {} },
    create() {
      if (opts.fails) throw new ModelRejection(opts.fails);
      return makeInstance(def, { area: opts.area ?? 1, leakPower: 0 }, { read: () => ({ energy: 1, latency: 0, throughput: 1 }) });
    },
  };
  return def;
}

const area = (registry: ComponentModelRegistry, attributes: Record<string, number | string | null>) =>
  selectModel(registry, { componentClass: 'widget', attributes }, (m) => m.area);

describe('model selection', () => {
  it('skips a model that raises and uses the next one, logging why', () => {
    const registry = new ComponentModelRegistry([
      fakeModel('Best', 0.9, { fails: 'widths must be a multiple of 8' }),
      fakeModel('Fallback', 0.5, { area: 42 }),
    ]);
    const chosen = area(registry, { tech_node: 65e-9 });
    expect(chosen.model.id).toBe('Fallback');
    expect(chosen.value).toBe(42);
    expect(chosen.log[0]).toBe('skipped Best (priority 0.9): widths must be a multiple of 8');
    expect(chosen.log[1]).toMatch(/^using Fallback \(priority 0.5\) for class 'widget' with \{tech_node: 6.5e-8\}/);
  });

  it('tries higher priority first, then the model that accepts more given attributes', () => {
    const registry = new ComponentModelRegistry([
      fakeModel('Low', 0.2, { area: 1 }),
      fakeModel('HighNarrow', 0.6, { area: 2 }),
      fakeModel('HighWide', 0.6, { area: 3, params: [{ name: 'tech_node', required: true }, { name: 'width' }] }),
    ]);
    expect(area(registry, { tech_node: 1e-8 }).model.id).toBe('HighNarrow'); // fewer unset defaults
    expect(area(registry, { tech_node: 1e-8, width: 8 }).model.id).toBe('HighWide'); // accepts width
  });

  it('lists models missing a required attribute as non-candidates and ignores null attributes', () => {
    const registry = new ComponentModelRegistry([
      fakeModel('NeedsWidth', 0.9, { params: [{ name: 'width', required: true }] }),
      fakeModel('Plain', 0.1),
    ]);
    const chosen = area(registry, { tech_node: 1e-8, width: null });
    expect(chosen.model.id).toBe('Plain');
    expect(chosen.log).toContain('not a candidate: NeedsWidth (missing required attribute(s) width)');
  });

  it('honours the model and min_priority attributes', () => {
    const registry = new ComponentModelRegistry([fakeModel('A', 0.9), fakeModel('B', 0.2)]);
    expect(area(registry, { tech_node: 1e-8, model: 'b' }).model.id).toBe('B');
    expect(() => area(registry, { tech_node: 1e-8, min_priority: 0.95 })).toThrow(NoModelError);
  });

  it('throws NoModelError with every reason when nothing works', () => {
    const registry = new ComponentModelRegistry([fakeModel('Broken', 0.5, { fails: 'boom' })]);
    expect(() => area(registry, { tech_node: 1e-8 })).toThrow(/could compute area\/leak power: skipped Broken \(priority 0.5\): boom/);
    expect(() => selectModel(registry, { componentClass: 'gizmo', attributes: {} }, (m) => m.area)).toThrow(
      "no component model answers to component_class 'gizmo'",
    );
  });

  it('requires the actions the component uses', () => {
    const registry = new ComponentModelRegistry([fakeModel('ReadOnly', 0.5)]);
    const query = { componentClass: 'Widget', attributes: { tech_node: 1 }, requiredActions: ['compute'] };
    expect(() => selectModel(registry, query, (m) => m.area)).toThrow(
      /no action\(s\) compute/,
    );
  });

  it("picks AladdinAdder for 'adder' with tech_node and width", () => {
    const chosen = selectModel(
      createDefaultRegistry(),
      { componentClass: 'adder', attributes: { tech_node: 40e-9, width: 32 }, action: { name: 'add', args: {} } },
      (m) => m.runAction('add').energy,
    );
    expect(chosen.model.id).toBe('AladdinAdder');
    expect(chosen.value).toBe(0.21e-12);
  });

  it('passes attribute values through to the model', () => {
    const echo: ComponentModelDefinition = {
      ...fakeModel('Echo', 0.5),
      create(attrs) {
        return makeInstance(echo, { area: numberAttr(attrs, 'tech_node') * 2, leakPower: 0 }, {});
      },
    };
    expect(area(new ComponentModelRegistry([echo]), { tech_node: 3 }).value).toBe(6);
  });
});
