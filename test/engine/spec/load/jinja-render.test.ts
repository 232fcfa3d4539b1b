import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../../../src/engine/spec/load/index.js';
import { loadError, rootOf } from './helpers.js';

describe('Jinja rendering', () => {
  it('supports set, if/elif/else and for over range', () => {
    const root = rootOf(
      [
        '{% set K = 3 %}',
        '{% if K > 5 %}size: big{% elif K > 2 %}size: mid{% else %}size: small{% endif %}',
        'items:',
        '{% for i in range(K) %}',
        '- n{{i}}',
        '{% endfor %}',
      ].join('\n'),
    );
    expect(root).toEqual({ size: 'mid', items: ['n0', 'n1', 'n2'] });
  });

  it('iterates dict items with two loop variables and supports dict(), in and not in', () => {
    const root = rootOf(
      [
        '{% set D = D | default(dict()) %}',
        'tensors:',
        '  {% if "keep" not in D %}',
        '  keep: All',
        '  {% endif %}',
        '  {% for key, value in D.items() %}',
        '  {{key}}: {{value}}',
        '  {% endfor %}',
        'has_a: {{ "a" in D }}',
      ].join('\n'),
      { D: { may_keep: 'Nothing', bypass: 3 } },
    );
    expect(root).toEqual({ tensors: { keep: 'All', may_keep: 'Nothing', bypass: 3 }, has_a: false });
  });

  it('uses the default filter and the defined test for missing data', () => {
    const root = rootOf('a: {{ M | default(128) }}\nb: {{ M is defined }}\nc: {{ N | default(1) }}', { N: 7 });
    expect(root).toEqual({ a: 128, b: false, c: 7 });
  });

  it('has min and max filters', () => {
    expect(rootOf('x: {{ [N, 3] | min }}\ny: {{ [N, 3] | max }}', { N: 5 })).toEqual({ x: 3, y: 5 });
  });

  it('renders values like Python str()', () => {
    const root = rootOf(
      "t: {{ T }}\nf: {{ F }}\nn: '{{ NONE }}'\nfl: '{{ FL }}'\nhalf: '{{ 1 / 2 }}'\nd: \"{{ D }}\"\nsmall: '{{ 0.00001 }}'\nbig: '{{ BIG }}'",
      { T: true, F: false, NONE: null, FL: new PyFloat(1e5), D: { a: 1, b: 'x', c: [true, null] }, BIG: 1e22 },
    );
    expect(root).toEqual({
      t: true,
      f: false,
      n: 'None',
      fl: '100000.0',
      half: '0.5',
      d: "{'a': 1, 'b': 'x', 'c': [True, None]}",
      small: '1e-05',
      big: '1e+22',
    });
  });

  it('knows True/False/None literals and inline if', () => {
    expect(rootOf("a: {{ 'yes' if True else 'no' }}\nb: {{ None is none }}")).toEqual({ a: 'yes', b: true });
  });

  it('leaves {% raw %} blocks alone', () => {
    expect(rootOf("a: '{% raw %}{{GLU}} {% if %}{% endraw %}'")).toEqual({ a: '{{GLU}} {% if %}' });
  });

  it('renders {% assert %} to nothing when it holds', () => {
    expect(rootOf('{% assert N <= 4, "too big" %}\na: {{N}}', { N: 2 })).toEqual({ a: 2 });
  });

  it('reports a failed {% assert %} with its message and position', () => {
    const error = loadError({ 'main.yaml': 'a: 1\n  {% assert N <= 4, "N exceeds " ~ 4 %}\n' }, { jinjaData: { N: 9 } });
    expect(error.kind).toBe('jinja');
    expect(error.message).toContain('N exceeds 4');
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 3 });
  });

  it('reports an assert without message with its line, like Jinja', () => {
    const error = loadError({ 'main.yaml': 'a: 1\n{% assert False %}' });
    expect(error.message).toContain('assertion failed on line 2');
  });

  it('makes undefined variables errors, with a --set hint', () => {
    const error = loadError({ 'main.yaml': 'a: 1\nb: {{ N_EINSUMS + 1 }}\n' });
    expect(error.kind).toBe('jinja');
    expect(error.message).toBe("Jinja variable 'N_EINSUMS' is undefined");
    expect(error.hint).toContain('--set N_EINSUMS=VALUE');
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 4 });
  });

  it('fails on undefined names in range(), if tests and attribute access', () => {
    expect(loadError({ 'main.yaml': 'a:\n{% for i in range(N) %}\n- {{i}}\n{% endfor %}' }).message).toContain("'N' is undefined");
    expect(loadError({ 'main.yaml': '{% if FLAG %}a: 1{% endif %}' }).message).toContain("'FLAG' is undefined");
    expect(loadError({ 'main.yaml': 'a: {{ X.y }}' }).message).toContain("'X' is undefined");
    expect(loadError({ 'main.yaml': '{% if D.nope %}a: 1{% endif %}' }, { jinjaData: { D: { a: 1 } } }).message).toContain('undefined');
  });

  it('reports Jinja syntax errors at their position in the user text', () => {
    const error = loadError({ 'main.yaml': 'a: 1\nb: 2\n{% for i in range(3) %}\nc: 3\n' });
    expect(error.kind).toBe('jinja');
    expect(error.message).toMatch(/syntax error/);
    expect(error.pos?.file).toBe('main.yaml');
  });

  it('reports a stray end tag at its own position', () => {
    const error = loadError({ 'main.yaml': 'a: 1\n  {% endfor %}\n' });
    expect(error.message).toBe('Jinja syntax error: unknown block tag: endfor');
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 6 });
  });

  it('refuses huge ranges and runaway loops instead of hanging', () => {
    expect(loadError({ 'main.yaml': '{% for i in range(10**9) %}{% endfor %}a: 1' }).message).toContain('too large');
    const nested = '{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}a: 1';
    expect(loadError({ 'main.yaml': nested }).message).toContain('is a loop too large?');
  });

  it('drops the trailing newline and keeps whitespace control working', () => {
    expect(rootOf('a: "{{ 1 }}  {{- 2 }}"\nb: "x   {%- if True -%}   y   {%- endif %}"')).toEqual({ a: '12', b: 'xy' });
  });
});
