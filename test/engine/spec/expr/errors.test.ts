import { describe, expect, it } from 'vitest';
import { evaluateExpression, parseExpression, Scope } from '../../../../src/engine/spec/expr/index.js';
import { errorOf, py } from './helpers.js';

describe('error messages', () => {
  it('names undefined identifiers and suggests near misses from the scope', () => {
    const scope = new Scope({ global_buffer_size: 1024, mac_energy: 1 });
    const error = errorOf(() => evaluateExpression('global_bufer_size * 2', scope));
    expect(error.message).toBe("Name 'global_bufer_size' is not defined.");
    expect(error.hint).toBe("Did you mean 'global_buffer_size'?");
    expect(error.offset).toBe(0);
    expect(error.source).toBe('global_bufer_size * 2');
  });

  it('suggests builtins too, and gives a generic hint otherwise', () => {
    expect(errorOf(() => py('sqrtt(4)')).hint).toBe("Did you mean 'sqrt'?");
    expect(errorOf(() => py('zzzzzz')).hint).toContain('variables:');
  });

  it('reports the offset of the failing sub-expression', () => {
    const error = errorOf(() => py('1 + foo'));
    expect(error.offset).toBe(4);
    expect(error.describe()).toBe("Name 'foo' is not defined.\n  in: 1 + foo\n      ^");
  });

  it('reports syntax errors with offset and what was expected', () => {
    const unclosed = errorOf(() => parseExpression('max(1, 2'));
    expect(unclosed.message).toBe("SyntaxError: expected ')' but found the end of the expression");
    expect(unclosed.offset).toBe(8);
    const dangling = errorOf(() => parseExpression('1 +'));
    expect(dangling.message).toBe('SyntaxError: expected an expression but found the end of the expression');
    const noElse = errorOf(() => parseExpression('1 if x'));
    expect(noElse.message).toContain("expected 'else'");
    expect(errorOf(() => parseExpression('a b')).message).toBe("SyntaxError: expected the end of the expression but found 'b'");
    expect(errorOf(() => parseExpression('"abc')).message).toBe('SyntaxError: unterminated string literal');
    expect(errorOf(() => parseExpression('1 $ 2')).offset).toBe(2);
    expect(errorOf(() => parseExpression('')).message).toBe('SyntaxError: the expression is empty');
  });

  it('reports type errors like Python', () => {
    expect(errorOf(() => py("1 + 'a'")).message).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(errorOf(() => py("-'a'")).message).toBe("TypeError: bad operand type for unary -: 'str'");
    expect(errorOf(() => py('len(5)')).message).toBe("TypeError: object of type 'int' has no len()");
    expect(errorOf(() => py('[x for x in 5]')).message).toBe("TypeError: 'int' object is not iterable");
    expect(errorOf(() => py('[1][1.0]')).message).toBe('TypeError: list indices must be integers or slices, not float');
  });

  it('fails cleanly on unsafe or unsupported input', () => {
    expect(errorOf(() => py("__import__('os')")).message).toBe("Name '__import__' is not defined.");
    expect(errorOf(() => py("eval('1')")).message).toBe("Name 'eval' is not defined.");
    expect(errorOf(() => py('(1).__class__')).message).toContain('is not allowed');
    expect(errorOf(() => py('lambda x: x')).message).toBe('lambda expressions are not supported');
    expect(errorOf(() => py('x := 1')).message).toContain('SyntaxError');
    expect(errorOf(() => py('f"{1}"')).message).toBe('f-strings are not supported in expressions');
    expect(errorOf(() => py('{x: 1 for x in range(3)}')).message).toBe('dict comprehensions are not supported');
    expect(errorOf(() => py('1j')).message).toBe('complex numbers are not supported');
  });

  it('does not hang on deep nesting or huge comprehensions', () => {
    expect(errorOf(() => py('('.repeat(500) + '1' + ')'.repeat(500))).message).toBe('the expression is too deeply nested');
    expect(errorOf(() => py('-'.repeat(500) + '1')).message).toBe('the expression is too deeply nested');
    const error = errorOf(() =>
      evaluateExpression('sum(1 for i in range(40) for j in range(40))', new Scope(), { maxItems: 1000 }),
    );
    expect(error.message).toBe('This comprehension would produce 1,001 items, over the limit of 1,000.');
    expect(evaluateExpression('sum(1 for i in range(30) for j in range(30))', new Scope(), { maxItems: 1000 })).toBe(900);
  });

  it('converts to a SpecError with the path, source and hint', () => {
    const error = errorOf(() => py('foo + 1'));
    const spec = error.toSpecError(['arch', 'nodes', 2, 'size']);
    expect(spec).toEqual({
      kind: 'expression',
      message: "Name 'foo' is not defined. in expression `foo + 1` (at character 1)",
      path: ['arch', 'nodes', 2, 'size'],
      hint: 'Check the spelling, or define it (e.g. under `variables:`).',
    });
  });
});
