/**
 * Spec expressions see only the attributes the interpreter defines: no name reaches a property
 * of the JavaScript object behind a value (constructor, prototype, toString...) or a Python
 * dunder. Each lookup is an ExpressionError, never a JS value.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, py } from './helpers.js';

const NAMES = [
  'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__',
  '__class__', '__globals__', '__init__', '__dict__', '__subclasses__', 'mro', 'call', 'apply', 'bind',
  'name', 'invoke', 'entries', 'length', 'value', 'items_',
];

const VALUES = ['range', "'text'", '[1]', '(1, 2)', "{'a': 1}", '(1)', '(1.5)', 'None', 'True', 'D', 'D.items'];

describe('hostile attribute names', () => {
  it.each(VALUES)('%s has none of them', (value) => {
    for (const name of NAMES) {
      const error = errorOf(() => py(`${value}.${name}`, { D: { a: 1 } }));
      expect(error.message).toMatch(/AttributeError|not allowed/);
    }
  });

  it('subscripts do not reach them either', () => {
    for (const name of NAMES) {
      expect(errorOf(() => py(`D['${name}']`, { D: { a: 1 } })).message).toMatch(/^KeyError/);
      expect(errorOf(() => py(`'abc'['${name}']`)).message).toMatch(/^TypeError/);
      expect(errorOf(() => py(`range['${name}']`)).message).toMatch(/^TypeError/);
    }
  });

  it('dicts have their Python methods', () => {
    expect(py("sum(v for k, v in D.items())", { D: { a: 1, b: 2 } })).toBe(3);
    expect(py("D.get('z', 5) + len(D.keys()) + len(D.values())", { D: { a: 1 } })).toBe(7);
  });
});
