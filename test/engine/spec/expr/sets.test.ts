import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  evaluateSetExpression,
  evaluateSetKeyedDict,
  InvertibleSet,
  pyRepr,
  Scope,
} from '../../../../src/engine/spec/expr/index.js';
import { errorOf } from './helpers.js';

// Matmul Z[m, n] = A[m, k] * W[k, n] with A an intermediate of the workload.
const tensors = ['A', 'W', 'Z'];
const rankVariables = new Map([
  ['A', ['m', 'k']],
  ['W', ['k', 'n']],
  ['Z', ['m', 'n']],
]);
const bitsPerValue = new Map([
  ['A', 8],
  ['W', 4],
  ['Z', 16],
]);

function tensorSet(elements: string[]): InvertibleSet {
  return new InvertibleSet({ elements, universe: tensors, kind: 'tensor', rankVariables, bitsPerValue });
}

function rankSet(elements: string[]): InvertibleSet {
  return new InvertibleSet({ elements, universe: ['k', 'm', 'n'], kind: 'rank_variable' });
}

const scope = new Scope({
  All: tensorSet(tensors),
  Tensors: tensorSet(tensors),
  Nothing: tensorSet([]),
  Inputs: tensorSet(['A', 'W']),
  Outputs: tensorSet(['Z']),
  Intermediates: tensorSet(['A']),
  A: tensorSet(['A']),
  W: tensorSet(['W']),
  Z: tensorSet(['Z']),
  input: tensorSet(['A']),
  weight: tensorSet(['W']),
  output: tensorSet(['Z']),
  Above: tensorSet(['Z']),
  m: rankSet(['m']),
  k: rankSet(['k']),
  n: rankSet(['n']),
});

const elements = (source: string): readonly string[] => evaluateSetExpression(source, scope).elements;

describe('set expressions', () => {
  it('applies the set operators', () => {
    expect(elements('~(input | output)')).toEqual(['W']);
    expect(elements('weight - Intermediates')).toEqual(['W']);
    expect(elements('(weight | output) & Above')).toEqual(['Z']);
    expect(elements('Inputs ^ Outputs')).toEqual(['A', 'W', 'Z']);
    expect(elements('Inputs ^ A')).toEqual(['W']);
    expect(elements('~Nothing')).toEqual(['A', 'W', 'Z']);
    expect(elements('~All')).toEqual([]);
  });

  it('supports Python conditionals and len', () => {
    expect(elements('Inputs & Intermediates if len(All) == 3 else Inputs')).toEqual(['A']);
    expect(elements('Inputs & Intermediates if len(All) == 4 else Inputs')).toEqual(['A', 'W']);
    expect(evaluateExpression('len(Inputs)', scope)).toBe(2);
  });

  it('calls, iterates, tests membership and truthiness', () => {
    expect(elements('Inputs()')).toEqual(['A', 'W']);
    expect(evaluateExpression("'A' in Inputs", scope)).toBe(true);
    expect(evaluateExpression("'Z' not in Inputs", scope)).toBe(true);
    expect(pyRepr(evaluateExpression('[t for t in ~A]', scope))).toBe("['W', 'Z']");
    expect(evaluateExpression('bool(Nothing)', scope)).toBe(false);
    expect(evaluateExpression('1 if Outputs else 2', scope)).toBe(1);
    expect(evaluateExpression('Inputs == A | W', scope)).toBe(true);
  });

  it('gives rank variables of tensors, complemented over the Einsum', () => {
    expect(elements('input.rank_variables')).toEqual(['k', 'm']);
    expect(evaluateSetExpression('input.rank_variables', scope).kind).toBe('rank_variable');
    expect(elements('~input.rank_variables')).toEqual(['n']);
    expect(elements('~m')).toEqual(['k', 'n']);
    expect(elements('Outputs.tensors')).toEqual(['Z']);
    expect(errorOf(() => evaluateSetExpression('m.tensors', scope)).message).toContain('only available on sets of tensors');
  });

  it('reads bits_per_value of exactly one tensor', () => {
    expect(evaluateExpression('weight.bits_per_value', scope)).toBe(4);
    expect(evaluateExpression('round(weight.bits_per_value)', scope)).toBe(4);
    const error = errorOf(() => evaluateExpression('Inputs.bits_per_value', scope));
    expect(error.message).toContain('exactly one tensor');
    expect(error.message).toContain("2 tensors ({'A', 'W'})");
  });

  it('keeps the left universe', () => {
    const narrow = new InvertibleSet({ elements: ['A'], universe: ['A', 'W'], kind: 'tensor' });
    const result = evaluateSetExpression('~(narrow | Z)', scope.child({ narrow }));
    expect(result.elements).toEqual(['W']);
    expect(result.universe).toEqual(['A', 'W']);
  });

  it('requires a set result and rejects set displays', () => {
    expect(errorOf(() => evaluateSetExpression('len(All)', scope)).message).toBe(
      'Set expression evaluated to int, not a set of tensors or rank variables.',
    );
    const display = errorOf(() => evaluateSetExpression('{A, W, Z}', scope));
    expect(display.message).toBe('set displays like {a, b} are not supported');
    expect(display.hint).toContain('P | Q | N');
    expect(errorOf(() => evaluateExpression('Inputs + Outputs', scope)).message).toBe(
      "TypeError: unsupported operand type(s) for +: 'InvertibleSet' and 'InvertibleSet'",
    );
  });
});

describe('dicts keyed by set expressions', () => {
  it('maps each tensor to the value of the key that matches it', () => {
    const result = evaluateSetKeyedDict({ Inputs: 8, Outputs: 'x * 2' }, scope);
    expect([...result]).toEqual([
      ['A', 8],
      ['W', 8],
      ['Z', 'x * 2'],
    ]);
  });

  it('binds Other to the tensors no other key matches, evaluated last', () => {
    const result = evaluateSetKeyedDict({ 'Other | Z': 'rest', weight: 4 }, scope);
    expect(result.get('W')).toBe(4);
    expect(result.get('A')).toBe('rest');
    expect(result.get('Z')).toBe('rest');
  });

  it('rejects overlapping keys', () => {
    const error = errorOf(() => evaluateSetKeyedDict({ Inputs: 1, weight: 2 }, scope, { field: 'bits_per_value' }));
    expect(error.message).toBe("bits_per_value keys 'Inputs' and 'weight' overlap (both match 'W').");
  });

  it('rejects two Other keys, Other where not allowed and uncovered tensors', () => {
    expect(errorOf(() => evaluateSetKeyedDict({ Other: 1, 'Other & A': 2 }, scope)).message).toContain(
      "at most one key may use 'Other'",
    );
    expect(errorOf(() => evaluateSetKeyedDict({ Other: 1 }, scope, { allowOther: false })).message).toContain(
      "'Other' is not allowed",
    );
    expect(
      errorOf(() => evaluateSetKeyedDict({ Inputs: 'up' }, scope, { requireCover: true, field: 'direction' })).message,
    ).toBe("direction: no key matches 'Z'.");
  });
});
