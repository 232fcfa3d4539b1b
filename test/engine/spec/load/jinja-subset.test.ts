/** The Jinja subset of spec templates beyond what the examples use (jinja-render.test.ts has those). */
import { describe, expect, it } from 'vitest';
import { loadError, loadOk, rootOf } from './helpers.js';

describe('Jinja subset: expressions', () => {
  it('has lowercase constants, ~ concatenation and Python numbers', () => {
    const root = rootOf("a: {{ true }}\nb: '{{ none }}'\nc: {{ 'x' ~ 1 ~ none }}\nd: '{{ 4 / 2 }}'\ne: {{ 7 // 2 }}\nf: {{ -2 ** 2 }}");
    expect(root).toEqual({ a: true, b: 'None', c: 'x1None', d: '2.0', e: 3, f: -4 });
  });

  it('has the everyday filters', () => {
    const root = rootOf(
      "a: {{ L | length }}\nb: {{ L | join('-') }}\nc: {{ L | first }}\nd: {{ L | last }}\ne: {{ 'Ab' | upper }}{{ 'Ab' | lower }}\nf: {{ L | sum }}\ng: {{ X | d(5) }}\nh: {{ 0 | default(9, true) }}",
      { L: [3, 1, 2] },
    );
    expect(root).toEqual({ a: 3, b: '3-1-2', c: 3, d: 2, e: 'ABab', f: 6, g: 5, h: 9 });
  });

  it('has tests, with and without parentheses, and negated', () => {
    const root = rootOf("a: {{ none is none }}\nb: {{ 3 is number }}\nc: {{ 9 is divisibleby 3 }}\nd: {{ 9 is divisibleby(2) }}\ne: {{ X is not defined }}\nf: {{ 'x' is string }}");
    expect(root).toEqual({ a: true, b: true, c: true, d: false, e: true, f: true });
  });

  it('reads x.name as an entry of a dict and x["name"] as an attribute when there is no entry', () => {
    const root = rootOf("a: {{ D.k }}\nb: {{ D['items']() | length }}\nc: {{ dict(x=1, y=2).y }}\nd: {{ dict([['p', 3]]).p }}", { D: { k: 'v' } });
    expect(root).toEqual({ a: 'v', b: 1, c: 2, d: 3 });
  });

  it('passes a keyword named __proto__ to an included file as plain data', () => {
    const files = { 'main.yaml': '{% set A = include("a.yaml", __proto__=7) %}\nr: {{ A }}.v', 'a.yaml': 'v: {{ __proto__ }}' };
    expect(loadOk(files).root).toEqual({ r: 7 });
  });

  it('calls functions the caller passes, with plain values', () => {
    expect(rootOf('a: {{ ceil(N / 4) }}', { N: 9, ceil: Math.ceil })).toEqual({ a: 3 });
  });

  it('treats a data entry whose value is undefined as undefined', () => {
    expect(rootOf('a: {{ M | default(128) }}', { M: undefined })).toEqual({ a: 128 });
  });
});

describe('Jinja subset: statements', () => {
  it('runs for loops with loop, a filter, tuple targets and else', () => {
    const root = rootOf(
      [
        'a: [{% for i in range(10) if i % 3 == 0 %}{{ loop.index }}/{{ loop.length }}{{ "" if loop.last else ", " }}{% endfor %}]',
        'b: {% for x in [] %}no{% else %}empty{% endfor %}',
        'c: [{% for k, v in D.items() %}{{ k }}{{ v }}{% if not loop.last %}, {% endif %}{% endfor %}]',
      ].join('\n'),
      { D: { x: 1, y: 2 } },
    );
    expect(root).toEqual({ a: ['1/4', '2/4', '3/4', '4/4'], b: 'empty', c: ['x1', 'y2'] });
  });

  it('scopes {% set %} inside a loop to one iteration, as Jinja does', () => {
    expect(rootOf('{% set n = 0 %}{% for i in range(3) %}{% set n = n + i %}{% if loop.last %}a: {{ n }}\n{% endif %}{% endfor %}b: {{ n }}')).toEqual({ a: 2, b: 0 });
  });

  it('assigns tuples', () => {
    expect(rootOf('{% set a, b = 1, "x" %}v: {{ b }}{{ a }}')).toEqual({ v: 'x1' });
  });

  it('keeps an assigned undefined value until it is used, naming what was missing', () => {
    expect(rootOf('{% set X = MISSING %}a: {{ X is defined }}\nb: {{ X | default(2) }}')).toEqual({ a: false, b: 2 });
    const error = loadError({ 'main.yaml': '{% set X = MISSING if True else 1 %}\na: {{ X }}' });
    expect(error).toMatchObject({ message: "Jinja variable 'MISSING' is undefined", pos: { line: 2, col: 4 } });
  });

  it('applies whitespace control around comments and raw blocks', () => {
    expect(rootOf('a: "x  {#- note -#}  y"\nb: "{%- raw -%} {{ z }} {%- endraw %}"')).toEqual({ a: 'xy', b: '{{ z }}' });
  });
});

describe('Jinja subset: syntax errors', () => {
  it('points at the offending character of an expression', () => {
    expect(loadError({ 'main.yaml': 'a: 1\nb: {{ 1 +* 2 }}' })).toMatchObject({
      kind: 'jinja',
      message: "Jinja syntax error: expected an expression but found '*'",
      pos: { file: 'main.yaml', line: 2, col: 10 },
    });
  });

  it('reports unclosed tags and blocks at their start', () => {
    expect(loadError({ 'main.yaml': 'a: 1\nb: {{ x' })).toMatchObject({
      message: "Jinja syntax error: '{{' is never closed: expected '}}' before the end of the file",
      pos: { line: 2, col: 4 },
    });
    expect(loadError({ 'main.yaml': 'a: 1\n{% for i in range(2) %}\nb: 1' })).toMatchObject({
      message: 'Jinja syntax error: the {% for %} on line 2 is never closed: expected {% endfor %} before the end of the file',
      pos: { line: 2, col: 1 },
    });
    expect(loadError({ 'main.yaml': '{% raw %}x' }).message).toBe('Jinja syntax error: {% raw %} without {% endraw %}');
  });

  it('refuses text after else and endif', () => {
    expect(loadError({ 'main.yaml': '{% if True %}{% endif x %}' }).message).toBe("Jinja syntax error: unexpected text after {% endif %}: 'x'");
  });
});
