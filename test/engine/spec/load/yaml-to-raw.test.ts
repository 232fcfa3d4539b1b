import { describe, expect, it } from 'vitest';
import { loadError, loadOk, rootOf } from './helpers.js';

describe('YAML scalars (1.2 core schema)', () => {
  it('resolves numbers, booleans, nulls and strings like ruamel', () => {
    const root = rootOf(
      'a: 128\nb: 1_000\nc: 1e15\nd: 7.03e-12\ne: .inf\nf: inf\ng: yes\nh: True\ni: ~\nj:\nk: ~Intermediates\nl: 2.0\nm: "1e3"\nn: 0 <= m  < 64\no: -.inf',
    );
    expect(root).toEqual({
      a: 128,
      b: 1000,
      c: 1e15,
      d: 7.03e-12,
      e: Infinity,
      f: 'inf',
      g: 'yes',
      h: true,
      i: null,
      j: null,
      k: '~Intermediates',
      l: 2,
      m: '1e3',
      n: '0 <= m  < 64',
      o: -Infinity,
    });
  });

  it('records which values were quoted', () => {
    const spec = loadOk({ 'main.yaml': 'variables:\n  a: "x"\n  b: y\n  c: \'z\'\n  d: [1, "2"]\n' });
    const vars = spec.root.variables as Record<string, unknown>;
    expect(spec.sources.isQuoted(vars, 'a')).toBe(true);
    expect(spec.sources.isQuoted(vars, 'b')).toBe(false);
    expect(spec.sources.isQuoted(vars, 'c')).toBe(true);
    expect(spec.sources.isQuoted(vars.d as object, 1)).toBe(true);
    expect(spec.sources.isQuoted(vars.d as object, 0)).toBe(false);
  });

  it('keeps block scalars as strings', () => {
    expect(rootOf('a: >\n  x +\n  y\n')).toEqual({ a: 'x + y\n' });
  });
});

describe('YAML tags', () => {
  it('turns class tags on mappings into a leading $tag key', () => {
    const root = rootOf('nodes:\n- !Memory\n  name: M\n- !Compute {name: MAC}\n');
    expect(root).toEqual({ nodes: [{ $tag: 'Memory', name: 'M' }, { $tag: 'Compute', name: 'MAC' }] });
    expect(Object.keys((root.nodes as object[])[0]!)[0]).toBe('$tag');
  });

  it('records !nomerge on mappings and sequences', () => {
    const spec = loadOk({ 'main.yaml': 'a: !nomerge [1]\nb: !nomerge {x: 1}\nc: [2]\n' });
    const root = spec.root;
    expect(root).toEqual({ a: [1], b: { x: 1 }, c: [2] });
    expect(spec.sources.get(root.a as object)?.nomerge).toBe(true);
    expect(spec.sources.get(root.b as object)?.nomerge).toBe(true);
    expect(spec.sources.get(root.c as object)?.nomerge).toBeUndefined();
  });

  it('rejects !nomerge on a scalar', () => {
    const error = loadError({ 'main.yaml': 'a: 1\nb: !nomerge 3\n' });
    expect(error.kind).toBe('yaml');
    expect(error.message).toContain('!nomerge');
    expect(error.pos).toEqual({ file: 'main.yaml', line: 2, col: 13 });
  });

  it('rejects class tags on scalars and sequences', () => {
    const scalar = loadError({ 'main.yaml': 'a: !Memory 3\n' });
    expect(scalar.message).toBe('YAML tag !Memory cannot be used on a scalar');
    expect(scalar.pos).toMatchObject({ line: 1 });
    expect(loadError({ 'main.yaml': 'a: !Temporal [1]\n' }).message).toBe('YAML tag !Temporal cannot be used on a sequence');
  });

  it('reports !include_loaded names that do not exist', () => {
    const error = loadError({ 'main.yaml': 'a: !include_loaded nothing.x\n' });
    expect(error.message).toContain("no include named 'nothing'");
  });
});

describe('YAML structure errors', () => {
  it('reports duplicate keys at the second key', () => {
    const error = loadError({ 'main.yaml': 'arch:\n  a: 1\n  b: 2\n  a: 3\n' });
    expect(error.kind).toBe('yaml');
    expect(error.message).toBe("Duplicate key 'a' (first defined at line 2)");
    expect(error.pos).toEqual({ file: 'main.yaml', line: 4, col: 3 });
  });

  it('reports two <<< keys in one mapping', () => {
    const error = loadError({ 'main.yaml': 'a:\n  <<<: {x: 1}\n  <<<: {y: 1}\n' });
    expect(error.message).toContain("Two '<<<' merge keys");
    expect(error.pos).toMatchObject({ line: 3, col: 3 });
  });

  it('reports syntax errors with the position in the template file', () => {
    const error = loadError({ 'main.yaml': 'a: 1\n{% if True %}\nb: [1, 2\n{% endif %}\nc: 3\n' });
    expect(error.kind).toBe('yaml');
    expect(error.message).toMatch(/^YAML syntax error/);
    expect(error.pos?.file).toBe('main.yaml');
    expect(error.pos?.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses the __proto__ key, which plain objects cannot hold', () => {
    expect(loadError({ 'main.yaml': 'a:\n  __proto__: 1\n' }).pos).toEqual({ file: 'main.yaml', line: 2, col: 3 });
  });

  it('requires each file root to be a mapping', () => {
    const error = loadError({ 'main.yaml': '- 1\n- 2\n' });
    expect(error.message).toContain('must be a mapping');
  });
});

describe('<< merge keys', () => {
  it('lets local keys win, then earlier sources, and appends merged keys after local ones', () => {
    const root = rootOf(
      [
        'lib:',
        '  a: &a {x: 1, y: 1, n: {deep: 1}}',
        '  b: &b {y: 2, z: 2}',
        'node:',
        '  name: N',
        '  <<: [*a, *b]',
        '  x: 0',
      ].join('\n'),
    );
    expect(root.node).toEqual({ name: 'N', x: 0, y: 1, n: { deep: 1 }, z: 2 });
    expect(Object.keys(root.node as object)).toEqual(['name', 'x', 'y', 'n', 'z']);
  });

  it('is shallow: a local nested mapping replaces the source one', () => {
    const root = rootOf('a: &a {n: {p: 1, q: 2}}\nb:\n  <<: *a\n  n: {p: 5}\n');
    expect(root.b).toEqual({ n: { p: 5 } });
  });

  it('works in flow mappings and keeps the positions of merged entries', () => {
    const spec = loadOk({ 'main.yaml': 'a: &a\n  k: 1\nb: {<<: *a, m: 2}\n' });
    expect(spec.root.b).toEqual({ m: 2, k: 1 });
    expect(spec.sources.locate(spec.root, ['b', 'k'])).toEqual({ file: 'main.yaml', line: 2, col: 6 });
  });

  it('builds the docs/spec-format.md §12.4 CiM node from two anchors', () => {
    const root = rootOf(
      [
        'lib:',
        '  - &both_sliced',
        '    bits_per_value: {input: average_input_bits_per_slice, weight: average_weight_bits_per_slice}',
        '    actions_scale: n_input_slices * n_weight_slices',
        '  - &one_action_per_value',
        '    values_per_action: {All: 1}',
        'node: !Toll',
        '  name: ADC',
        '  <<: [*both_sliced, *one_action_per_value]',
        '  tensors: {keep: output}',
        '  direction: up',
      ].join('\n'),
    );
    expect(root.node).toEqual({
      $tag: 'Toll',
      name: 'ADC',
      tensors: { keep: 'output' },
      direction: 'up',
      bits_per_value: { input: 'average_input_bits_per_slice', weight: 'average_weight_bits_per_slice' },
      actions_scale: 'n_input_slices * n_weight_slices',
      values_per_action: { All: 1 },
    });
  });

  it('rejects a << value that is not a mapping', () => {
    const error = loadError({ 'main.yaml': 'a:\n  <<: 3\n' });
    expect(error.message).toContain("'<<' merge key must be a mapping");
    expect(error.hint).toContain('<<<');
  });
});
