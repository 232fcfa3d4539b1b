/**
 * Expression errors: undefined names in set expressions (which `check` must evaluate, issue 13
 * §7), division by zero, huge powers, huge strings and lists, deep nesting, Python escapes.
 * Every case edits one field of the simple example; the error points at the field's value.
 */
import type { Expected, FuzzCase, FuzzOp } from '../harness/case-types.js';

const BASE_ENERGY = 5504;
const GLB_SIZE = 'size: {{GlobalBufferSize}}';
const GLB_KEEP = 'tensors: {keep: ~MainMemory, may_keep: All}';

function error(messageIncludes: string | RegExp, at: string): Expected {
  return { error: { messageIncludes, pos: { at }, hintPresent: true } };
}

function expr(name: string, find: string, replace: string, expect: Expected, ops?: readonly FuzzOp[]): FuzzCase {
  return { name: `expression: ${name}`, base: 'simple', mutations: [{ file: 'arch.yaml', find, replace }], expect, ...(ops ? { ops } : {}) };
}

/** GlobalBuffer's size becomes `value`; the error must point at it. */
const size = (name: string, value: string, expect: Expected | RegExp | string): FuzzCase =>
  expr(name, GLB_SIZE, `size: ${value}`, typeof expect === 'string' || expect instanceof RegExp ? error(expect, value) : expect);

const DEEP = 4000;

export const EXPRESSION_CASES: readonly FuzzCase[] = [
  // Set expressions: `check` evaluates them, so it reports what `map` would.
  expr('keep: Al | Inputs', GLB_KEEP, 'tensors: {keep: Al | Inputs, may_keep: All}', error("'Al'", 'Al | Inputs')),
  expr('may_keep: Everything', GLB_KEEP, 'tensors: {keep: ~MainMemory, may_keep: Everything}', error('Everything', 'Everything')),
  expr('keep: ~MainMemroy', GLB_KEEP, 'tensors: {keep: ~MainMemroy, may_keep: All}', error('MainMemroy', '~MainMemroy')),
  expr('keep: All +', GLB_KEEP, 'tensors: {keep: All +, may_keep: All}', error(/syntax|unexpected|expected/i, 'All +')),
  expr('keep: 5', GLB_KEEP, 'tensors: {keep: 5, may_keep: All}', error('keep', '5')),

  size('size: 1/0', '1/0', /zero|division/i),
  size('size: 1 // 0', '1 // 0', /zero|division/i),
  size('size: 1 % 0', '1 % 0', /zero|division|modulo/i),
  size('size: 10**10**10', '10**10**10', /large|overflow|inf/i),
  size('size: 2**100000', '2**100000', /large|overflow|inf/i),
  size('size: -1e999', '-1e999', 'size'),
  expr("size: 'x' * 10**9", GLB_SIZE, "size: 'x' * 10**9", { error: { messageIncludes: /large|long|string|size/i, pos: { at: "'x'", col: 'any' }, hintPresent: true } }),
  expr('size: [1] * 10**9', GLB_SIZE, 'size: [1] * 10**9', { error: { messageIncludes: /large|long|list|size/i, pos: { at: '[1]', col: 'any' }, hintPresent: true } }),
  size('size: sum(range(10**12))', 'sum(range(10**12))', /large|range|not defined/i),
  size('size: max()', 'max()', /max|argument/i),
  size("size: __import__('os')", "__import__('os')", '__import__'),
  size('size: ().__class__', '().__class__', /__class__|attribute|syntax/i),
  size(`size: "'a'.join"`, `"'a'.join"`, /join|attribute/i),
  size('size: (lambda: 1)()', '(lambda: 1)()', /lambda|syntax|support/i),
  size('size: 1 if x else 2', '1 if x else 2', "'x'"),
  size('size: 1 +', '1 +', /syntax|unexpected|expected|end/i),
  size('size: open("/etc/passwd")', 'open("/etc/passwd")', 'open'),
  // Deep nesting must not overflow the parser's stack: a value, or a clear error.
  {
    ...size(`${DEEP} nested parentheses`, `${'('.repeat(DEEP)}1024${')'.repeat(DEEP)}`, 'size'),
    expect: { okOrError: { messageIncludes: /nest|deep|complex/i, pos: { at: '(((' }, hintPresent: true }, energy: BASE_ENERGY },
  },
  {
    ...size(`${DEEP} unary minus signs`, `${'-'.repeat(DEEP)}1024`, 'size'),
    expect: { okOrError: { messageIncludes: /nest|deep|complex/i, pos: { at: '---' }, hintPresent: true }, energy: BASE_ENERGY },
  },
  {
    name: `expression: ${DEEP} nested Jinja parentheses`,
    base: 'simple',
    mutations: [{ file: 'arch.yaml', find: GLB_SIZE, replace: `size: {{ ${'('.repeat(DEEP)}1024${')'.repeat(DEEP)} }}` }],
    expect: { okOrError: { messageIncludes: /nest|deep|complex|jinja/i, pos: { at: '{{ (((', col: 'any' }, hintPresent: true }, energy: BASE_ENERGY },
  },
  {
    name: 'expression: Jinja 1 / 0',
    base: 'simple',
    mutations: [{ file: 'arch.yaml', find: GLB_SIZE, replace: 'size: {{ 1 / 0 }}' }],
    expect: { error: { messageIncludes: /zero|division|inf/i, pos: { at: '{{ 1 / 0 }}', col: 'any' }, hintPresent: true } },
  },
  {
    name: 'expression: Jinja 10**10**10',
    base: 'simple',
    mutations: [{ file: 'arch.yaml', find: GLB_SIZE, replace: 'size: {{ 10**10**10 }}' }],
    expect: { error: { messageIncludes: /large|overflow|inf/i, pos: { at: '{{ 10**10**10 }}', col: 'any' }, hintPresent: true } },
  },
];
