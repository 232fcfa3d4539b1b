/**
 * Templates cannot reach JavaScript: every attempt below to get at a host object (constructor,
 * prototype chain, Python-style dunder walks, Jinja features that nunjucks or Jinja2 expose)
 * ends in a clear, positioned SpecError and runs nothing. Each payload, if it ever ran, would
 * set globalThis.__pwned.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadError, loadMemory } from './helpers.js';

const JS = '"globalThis.__pwned = 1"';
const probe = globalThis as { __pwned?: unknown };

const ATTEMPTS: readonly string[] = [
  `{% set X = range.constructor(${JS})() %}`,
  `{{ range.constructor(${JS})() }}`,
  `{{ cycler.constructor(${JS})() }}`,
  `{{ joiner.constructor(${JS})() }}`,
  `{{ dict.constructor(${JS})() }}`,
  `{{ include.constructor(${JS})() }}`,
  `{{ include_text.constructor(${JS})() }}`,
  `{{ __loc.constructor(${JS})() }}`,
  `{{ __truthy.constructor(${JS})() }}`,
  `{{ ''.constructor.constructor(${JS})() }}`,
  `{{ [].constructor.constructor(${JS})() }}`,
  `{{ (1).constructor.constructor(${JS})() }}`,
  `{{ "abc".constructor.constructor(${JS})() }}`,
  `{{ {}.constructor.constructor(${JS})() }}`,
  `{{ D.constructor.constructor(${JS})() }}`,
  `{{ D.items.constructor(${JS})() }}`,
  `{{ max.constructor(${JS})() }}`,
  `{{ range.__proto__.constructor(${JS})() }}`,
  `{{ range.prototype.constructor(${JS})() }}`,
  `{{ range.toString.constructor(${JS})() }}`,
  `{{ range.valueOf().constructor(${JS})() }}`,
  `{{ ''.__class__.__mro__[1].__subclasses__() }}`,
  `{{ dict.__init__.__globals__ }}`,
  `{{ dict().mro() }}`,
  `{{ range.__call__(1) }}`,
  `{{ range | attr('constructor') }}`,
  `{{ getattr(range, 'constructor')(${JS})() }}`,
  `{{ '%s' % range }}`,
  `{{ "".join([${JS}]) }}`,
  `{{ '{0.__class__}'.format(range) }}`,
  `{{ dict()['constructor'](${JS})() }}`,
  `{{ ''['constructor'] }}`,
  `{% for x in range(1) %}{{ loop.__proto__ }}{% endfor %}`,
  `{% for x in range(1) %}{{ loop.constructor(${JS})() }}{% endfor %}`,
  `{{ namespace(a=1) }}`,
  `{{ self }}`,
  `{{ lipsum() }}`,
  `{{ caller() }}`,
  `{{ __import__('os') }}`,
  `{{ eval(${JS}) }}`,
  `{{ Function(${JS})() }}`,
  `{{ globalThis }}`,
  `{% set f = range %}{{ f.constructor(${JS})() }}`,
  `{% import "other.yaml" as m %}`,
  `{% from "other.yaml" import x %}`,
  `{% extends "other.yaml" %}`,
  `{% include "other.yaml" %}`,
  `{% call range(1) %}{% endcall %}`,
  `{% filter upper %}x{% endfilter %}`,
  `{% macro m() %}x{% endmacro %}`,
  `{% block b %}x{% endblock %}`,
  `{% set ns.x = 1 %}`,
  `{{ (lambda: 1)() }}`,
  '{{ `x` }}',
];

const DATA = { D: { a: 1 }, max: Math.max };

afterEach(() => {
  expect(probe.__pwned).toBeUndefined();
});

describe('templates cannot reach JavaScript', () => {
  it('has a corpus of at least 30 escape attempts', () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ATTEMPTS)('%s fails with a positioned Jinja error and runs nothing', (attempt) => {
    const error = loadError({ 'main.yaml': `a: 1\n  ${attempt}\n`, 'other.yaml': 'x: 1' }, { jinjaData: DATA });
    expect(error.kind).toBe('jinja');
    expect(error.message).toMatch(/^Jinja (syntax error|error|variable '\w+' is undefined|expression is undefined)/);
    expect(error.pos?.file).toBe('main.yaml');
    expect(error.pos?.line).toBe(2);
    expect(error.pos?.col).toBeGreaterThanOrEqual(3);
    expect(error.hint ?? '').not.toBe('');
    expect(probe.__pwned).toBeUndefined();
  });

  it('names what is missing', () => {
    expect(loadError({ 'main.yaml': '{{ range.constructor }}' }).message).toBe(
      "Jinja expression is undefined: 'function' object has no attribute or key 'constructor'",
    );
    expect(loadError({ 'main.yaml': '{{ cycler() }}' }).message).toBe("Jinja variable 'cycler' is undefined");
    expect(loadError({ 'main.yaml': '{{ range.__proto__ }}' }).message).toBe(
      "Jinja error: Access to attribute '__proto__' is not allowed in expressions.",
    );
    expect(loadError({ 'main.yaml': 'a: 1\n{% import "x" as m %}' })).toMatchObject({
      message: 'Jinja syntax error: the {% import %} tag is not supported',
      pos: { file: 'main.yaml', line: 2, col: 4 },
    });
  });

  it('still gives dicts their methods and entries', () => {
    const result = loadMemory(
      { 'main.yaml': 'a: {{ D.a }}\nb: {{ D.get("z", 2) }}\nc: {{ D.keys() | list }}\nd: {{ D.constructor | default("none") }}' },
      { jinjaData: DATA },
    );
    expect(result.ok && result.value.root).toEqual({ a: 1, b: 2, c: ['a'], d: 'none' });
  });
});

describe('template resource limits', () => {
  it.each([
    ["{% set x = 'a' * 10**9 %}", /String repetition would produce 1,000,000,000 items/],
    [`{% set s = "ab" %}${'{% set s = s ~ s %}'.repeat(40)}`, /String concatenation would produce/],
    [`{% set s = "ab" %}${'{% set s = s + s %}'.repeat(40)}`, /String concatenation would produce/],
    [`{% set l = [0] %}${'{% set l = l + l %}'.repeat(40)}`, /List concatenation would produce/],
    ['{% set l = [0] * 10**8 %}', /Repetition would produce/],
    [`{% set l = [1] %}${'{% set l = [l, l] %}'.repeat(60)}{{ l }}`, /Converting this value to text would produce/],
    ["{% set x = 'a' * 1000000 %}{% for i in range(100) %}{{ x }}{% endfor %}", /rendered more than 16 MiB of text/],
    ['{{ range(10**7) | length }}', /range\(\) with 10000000 elements is too large/],
    ['{% for i in range(1000000) %}{% endfor %}', /more than 100000 Jinja tags/],
    ['{{ [x for x in range(1000) for y in range(1000) for z in range(10)] | length }}', /comprehension would produce/],
  ])('%s stops with a clear error', (template, message) => {
    const error = loadError({ 'main.yaml': template });
    expect(error.kind).toBe('jinja');
    expect(error.message).toMatch(message);
    expect(error.pos?.file).toBe('main.yaml');
  });

  it('compares a list that nests one list 2^60 times without walking it', () => {
    const template = `{% set l = [1] %}${'{% set l = [l, l] %}'.repeat(60)}a: {{ l == l }}`;
    const result = loadMemory({ 'main.yaml': template });
    expect(result.ok && result.value.root).toEqual({ a: true });
  });

  it('caps the output of all renders of one load together', () => {
    const chunk = "{% set x = 'a' * 1000000 %}{% for i in range(6) %}{{ x }}{% endfor %}";
    const files = { 'main.yaml': `{{ include_text("a.yaml") }}{{ include_text("a.yaml") }}{{ include_text("a.yaml") }}`, 'a.yaml': chunk };
    expect(loadError(files).message).toMatch(/rendered more than 16 MiB of text/);
  });

  it('caps the tags all renders of one load run together', () => {
    // 9,000 iterations of 11 tags: under the per-file cap, and 12 renders pass the load's.
    const body = '{%- set a = 1 -%}'.repeat(10);
    const files = { 'main.yaml': '{% for i in range(12) %}{% set x = include("a.yaml") %}{% endfor %}', 'a.yaml': `{% for i in range(9000) -%}${body}{%- endfor %}` };
    expect(loadError(files).message).toMatch(/ran more than 1000000 Jinja tags together/);
  });

  it('refuses blocks nested too deep', () => {
    const template = '{% if True %}'.repeat(150) + '{% endif %}'.repeat(150);
    expect(loadError({ 'main.yaml': template })).toMatchObject({ message: 'Jinja syntax error: blocks are nested more than 100 deep', pos: { line: 1, col: 1 + 13 * 100 } });
  });
});
