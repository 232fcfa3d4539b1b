import { describe, expect, it } from 'vitest';
import {
  castLiteral,
  checkGlobalLayer,
  checkGlobalRebinding,
  evaluateExpression,
  fromJs,
  isPyFloat,
  isPyInt,
  orderByReferences,
  parseExpression,
  PyDict,
  pyFloat,
  pyRepr,
  PyTuple,
  Scope,
  toJs,
  type PyValue,
} from '../../../../src/engine/spec/expr/index.js';
import { errorOf } from './helpers.js';

describe('castLiteral (docs/spec-format.md §7.1 step 1)', () => {
  it('turns true/false in any case into bools', () => {
    expect(castLiteral('true')).toEqual({ kind: 'cast', value: true });
    expect(castLiteral('FALSE')).toEqual({ kind: 'cast', value: false });
    expect(castLiteral(true)).toEqual({ kind: 'cast', value: true });
  });

  it('turns integral numbers and integer strings into ints', () => {
    expect(castLiteral(2)).toEqual({ kind: 'cast', value: 2 });
    expect(castLiteral(1e15)).toEqual({ kind: 'cast', value: 1e15 });
    expect(castLiteral('3')).toEqual({ kind: 'cast', value: 3 });
    expect(castLiteral(' -12 ')).toEqual({ kind: 'cast', value: -12 });
    expect(castLiteral('1_000')).toEqual({ kind: 'cast', value: 1000 });
    expect(isPyInt((castLiteral(2) as { value: unknown }).value)).toBe(true);
  });

  it('keeps non-integral numbers as floats', () => {
    const cast = castLiteral(2.5);
    expect(cast.kind).toBe('cast');
    expect(isPyFloat((cast as { value: unknown }).value)).toBe(true);
    expect(toJs((castLiteral(Infinity) as { value: PyValue }).value)).toBe(Infinity);
  });

  it('sends other strings to evaluation', () => {
    expect(castLiteral('2.5')).toEqual({ kind: 'expression', source: '2.5' });
    expect(castLiteral('1e3')).toEqual({ kind: 'expression', source: '1e3' });
    expect(castLiteral('inf')).toEqual({ kind: 'expression', source: 'inf' });
    expect(castLiteral('a + 1')).toEqual({ kind: 'expression', source: 'a + 1' });
    expect(pyRepr(evaluateExpression('1e3', new Scope()))).toBe('1000.0');
  });

  it('returns other values unchanged', () => {
    const list = [1, 2];
    expect(castLiteral(list)).toEqual({ kind: 'unchanged', value: list });
    expect(castLiteral(null)).toEqual({ kind: 'unchanged', value: null });
  });
});

describe('orderByReferences (docs/spec-format.md §7.2 rule 3)', () => {
  it('puts every entry after the siblings it names as whole words', () => {
    const entries = new Map<string, unknown>([
      ['total', 'width * depth'],
      ['width', 'base * 2'],
      ['depth', 16],
      ['base', 8],
      ['widths', 'width_extra'],
    ]);
    expect(orderByReferences(entries)).toEqual(['base', 'depth', 'width', 'total', 'widths']);
  });

  it('puts ready scalars before sub-models, then alphabetical', () => {
    const entries = new Map<string, unknown>([
      ['b_list', [1, 2]],
      ['z', 1],
      ['a_dict', { x: 1 }],
      ['m', 'z + 1'],
    ]);
    expect(orderByReferences(entries)).toEqual(['z', 'm', 'a_dict', 'b_list']);
  });

  it('ignores self references and reports cycles by field name', () => {
    expect(orderByReferences(new Map<string, unknown>([['x', 'x + 1']]))).toEqual(['x']);
    const cycle = new Map<string, unknown>([
      ['a', 'b + 1'],
      ['b', 'c * 2'],
      ['c', 'a'],
      ['d', 1],
    ]);
    expect(errorOf(() => orderByReferences(cycle)).message).toBe(
      'Circular dependency detected in expressions. Fields: a, b, c',
    );
  });
});

describe('Scope', () => {
  it('later layers shadow earlier ones and None is a bound value', () => {
    const outer = Scope.fromRecord({ a: 1, b: 2 });
    const inner = outer.child({ b: 20, c: null });
    expect(inner.get('a')).toBe(1);
    expect(inner.get('b')).toBe(20);
    expect(inner.get('c')).toBeNull();
    expect(inner.has('c')).toBe(true);
    expect(inner.has('d')).toBe(false);
    expect(inner.names().sort()).toEqual(['a', 'b', 'c']);
    expect(evaluateExpression('a + b', inner)).toBe(21);
    expect(evaluateExpression('c is None', inner)).toBe(true);
  });

  it('scope names hide builtins', () => {
    expect(evaluateExpression('max', new Scope({ max: 5 }))).toBe(5);
    expect(evaluateExpression('max(1, 2)', new Scope())).toBe(2);
  });

  it('enforces the global_ rule', () => {
    const outer = new Scope({ global_cycle: pyFloat(1e-9), local: 1 });
    expect(() => checkGlobalRebinding(outer, 'global_cycle', pyFloat(1e-9))).not.toThrow();
    expect(() => checkGlobalRebinding(outer, 'local', 2)).not.toThrow();
    expect(() => checkGlobalRebinding(outer, 'global_new', 2)).not.toThrow();
    expect(errorOf(() => checkGlobalLayer(outer, { global_cycle: pyFloat(2e-9) })).message).toBe(
      "Global variable 'global_cycle' cannot be changed: it is 1e-09 in an outer scope, and 2e-09 here.",
    );
  });
});

describe('toJs and fromJs', () => {
  it('round-trips plain data with ints and floats kept apart inside', () => {
    const value = fromJs({ a: [1, 2.5, 'x', null, true] });
    expect(value).toBeInstanceOf(PyDict);
    expect(pyRepr(value)).toBe("{'a': [1, 2.5, 'x', None, True]}");
    expect(toJs(value)).toEqual({ a: [1, 2.5, 'x', null, true] });
    expect(toJs(new PyTuple([1, pyFloat(2)]))).toEqual([1, 2]);
    expect(toJs(evaluateExpression('[4096 / 2, 7 // 2]', new Scope()))).toEqual([2048, 3]);
  });
});

describe('strings', () => {
  it('decodes escapes and concatenates adjacent literals', () => {
    expect(evaluateExpression("'a\\tb' + \"c\" 'd'", new Scope())).toBe('a\tbcd');
    expect(evaluateExpression("r'a\\n'", new Scope())).toBe('a\\n');
    expect(evaluateExpression("'\\x41\\u00e9'", new Scope())).toBe('Aé');
    expect(pyRepr(evaluateExpression('"it\'s"', new Scope()))).toBe('"it\'s"');
  });
});

describe('parseExpression', () => {
  it('parses each distinct source once', () => {
    const first = parseExpression('a.n_calls / a.throughput');
    expect(parseExpression('a.n_calls / a.throughput')).toBe(first);
    expect(first).toMatchObject({ type: 'binary', op: '/', left: { type: 'attribute', name: 'n_calls' } });
  });
});
