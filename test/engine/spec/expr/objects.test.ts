import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  fromJs,
  namedList,
  nativeFunction,
  pyFloat,
  pyObject,
  pyRepr,
  Scope,
  simpleFunction,
  toJs,
  type PyValue,
} from '../../../../src/engine/spec/expr/index.js';
import { errorOf, py } from './helpers.js';

function action(name: string, nCalls: number, throughput: number, latency: number): PyValue {
  return pyObject('Action', { name, n_calls: nCalls, throughput: pyFloat(throughput), latency: pyFloat(latency) });
}

const actions = namedList(
  [action('read', 1000, 4, 1e-9), action('write', 200, 2, 2e-9), action('hop', 30, 1, 5e-9)],
  (item) => {
    const name = item !== null && typeof item === 'object' && 'getAttr' in item ? item.getAttr('name') : null;
    return typeof name === 'string' ? name : '';
  },
);

const scope = new Scope({ actions, phases: fromJs([0, 3, 1, 0]) });

const run = (source: string): PyValue => evaluateExpression(source, scope);

describe('objects with attributes', () => {
  it('sums generator expressions over objects (total_latency)', () => {
    // 1000/4 + 200/2 + 30/1 = 250 + 100 + 30
    expect(pyRepr(run('sum(a.n_calls / a.throughput for a in actions)'))).toBe('380.0');
    expect(pyRepr(run('max(a.n_calls / a.throughput for a in actions)'))).toBe('250.0');
    // (1000 + 200 + 30) / 32 / 200e6
    expect(toJs(run('sum(a.n_calls for a in actions) / 32 / 200e6'))).toBeCloseTo(1230 / 32 / 200e6, 20);
  });

  it('indexes a name-indexed list by name and by position', () => {
    expect(pyRepr(run("actions['hop'].latency"))).toBe('5e-09');
    expect(pyRepr(run('actions[0].n_calls'))).toBe('1000');
    expect(pyRepr(run('actions[-1].name'))).toBe("'hop'");
    expect(pyRepr(run('len(actions)'))).toBe('3');
    const missing = errorOf(() => run("actions['hopp']"));
    expect(missing.message).toBe("KeyError: 'hopp'");
    expect(missing.hint).toBe("Did you mean 'hop'?");
  });

  it('reports unknown attributes with a near-miss hint', () => {
    const error = errorOf(() => run('actions[0].n_call'));
    expect(error.message).toBe("AttributeError: 'Action' object has no attribute 'n_call'");
    expect(error.hint).toBe("Did you mean 'n_calls'?");
  });

  it('blocks dunder attributes', () => {
    expect(errorOf(() => run('actions[0].__class__')).message).toContain("'__class__' is not allowed");
  });

  it('list comprehensions, filters, nested fors and tuple targets', () => {
    expect(pyRepr(run('sum([p > 0 for p in phases])'))).toBe('2');
    expect(pyRepr(run('[p * 2 for p in phases if p]'))).toBe('[6, 2]');
    expect(pyRepr(run('[i * j for i in range(1, 3) for j in range(i, 3)]'))).toBe('[1, 2, 4]');
    expect(pyRepr(run('[i for i, p in enumerate(phases) if p == 0]'))).toBe('[0, 3]');
    expect(pyRepr(run('[a.name for a in actions if a.n_calls > 100]'))).toBe("['read', 'write']");
  });

  it('comprehension variables do not leak and shadow outer names', () => {
    expect(pyRepr(run('[phases for phases in range(2)] + phases'))).toBe('[0, 1, 0, 3, 1, 0]');
  });
});

describe('calls', () => {
  const f1 = nativeFunction('f1', { required: ['x', 'y'], optional: ['return_per_slice'] }, ({ values }) => {
    const perSlice = values.get('return_per_slice') === true;
    return perSlice ? 'sliced' : 'whole';
  });
  const f2 = simpleFunction('f2', (x, y) => `f2:${pyRepr(x ?? null)},${pyRepr(y ?? null)}`);
  const macro = pyObject('Macro', { get_fanout: simpleFunction('get_fanout', () => 64) });
  const callScope = new Scope({ f1, f2, Macro: macro, c: true });

  it('passes keyword arguments', () => {
    expect(evaluateExpression('f1(1, 2, return_per_slice=True)', callScope)).toBe('sliced');
    expect(evaluateExpression('f1(y=1, x=2)', callScope)).toBe('whole');
    expect(errorOf(() => evaluateExpression('f1(1, 2, bogus=3)', callScope)).message).toBe(
      "TypeError: f1() got an unexpected keyword argument 'bogus'",
    );
    expect(errorOf(() => evaluateExpression('f1(1)', callScope)).message).toBe(
      "TypeError: f1() missing required argument: 'y'",
    );
  });

  it('calls a parenthesised expression', () => {
    expect(evaluateExpression('(f1 if c else f2)(1, 2)', callScope)).toBe('whole');
    expect(evaluateExpression('(f1 if not c else f2)(1, 2)', callScope)).toBe('f2:1,2');
  });

  it('calls methods of objects', () => {
    expect(evaluateExpression('Macro.get_fanout() * 2', callScope)).toBe(128);
  });

  it('rejects calling a non-callable', () => {
    expect(errorOf(() => py('(3)(1)')).message).toBe("TypeError: 'int' object is not callable");
  });
});

describe('dicts', () => {
  it('are subscriptable but have no attributes', () => {
    expect(pyRepr(py("d['a'] + d['b']", { d: { a: 1, b: 2.5 } }))).toBe('3.5');
    expect(pyRepr(py("{'k': 1, 'j': 2}['j']"))).toBe('2');
    const error = errorOf(() => py('d.a', { d: { a: 1 } }));
    expect(error.message).toBe("AttributeError: 'dict' object has no attribute 'a'");
    expect(error.hint).toContain("['a']");
  });
});
