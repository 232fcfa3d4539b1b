import { describe, expect, it } from 'vitest';
import { convertTimeloop, convertTimeloopFiles, convertTimeloopResult, formatLocation, renderReportMarkdown } from '../../../src/engine/timeloop/index.js';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';
import { checkYaml, evaluateYaml } from './fixtures.js';

// A small v0.4 design exercising features that are dropped or approximated.
const ARCH = `architecture:
  version: 0.4
  nodes:
  - !Container
    name: chip
    attributes: {technology: "45nm", global_cycle_seconds: 2e-9}
  - !Component
    name: DRAM
    class: DRAM
    attributes: {type: LPDDR4, width: 64, datawidth: DATAWIDTH}
  - !Component
    name: glb
    class: storage
    subclass: smartbuffer_SRAM
    attributes: {depth: 1024, width: 64, datawidth: DATAWIDTH, multiple_buffering: 2, n_rdwr_ports: 2}
    sparse_optimizations: {action_optimization: [{type: gating}]}
    constraints:
      dataspace: {keep: [Inputs], bypass: [Weights], no_coalesce: [Inputs]}
  - !Component
    name: noc
    class: XY_NoC
  - !Pipelined
    nodes:
    - !Component
      name: spare
      class: regfile
      enabled: false
  - !Container
    name: column
    spatial: {meshY: 4}
  - !Component
    name: reg
    class: regfile
    attributes: {depth: 2 * 2, width: 8, datawidth: 8}
  - !Component
    name: mac
    class: intmac
    attributes: {width: 8}
`;

const PROBLEM = `problem:
  version: 0.4
  shape:
    name: MatVec
    dimensions: [M, K]
    data_spaces:
    - {name: Weights, projection: [[[M]], [[K]]]}
    - {name: Inputs, projection: [[[K]]]}
    - {name: Outputs, projection: [[[M]]], read_write: true}
  instance:
    M: 8
    K: 16
    densities: {Weights: {density: 0.5, distribution: fixed_structured}}
variables:
  version: 0.4
  DATAWIDTH: 8
sparse_optimizations:
  version: 0.4
  targets: [{target: glb, representation_format: {data_spaces: [{name: Weights, ranks: [{format: CP}]}]}}]
`;

const MAPPING = `mapping:
- {target: DRAM, type: temporal, factors: M=0 K=1, permutation: MK}
- {target: column, type: spatial, factors: K=4, permutation: K}
- {target: glb, type: temporal, factors: K=4, permutation: K_M}
`;

const FILES = [
  { path: 'arch.yaml', text: ARCH },
  { path: 'problem.yaml', text: PROBLEM },
  { path: 'map.yaml', text: MAPPING },
];

describe('conversion report', () => {
  const { yaml, report } = convertTimeloop(FILES);

  it('lists every dropped or approximated feature with file:line:col', () => {
    const lost = report.items.filter((i) => i.kind !== 'converted').map((i) => `${formatLocation(i)} ${i.kind} ${i.feature}`);
    expect(lost).toEqual([
      'problem.yaml:17:1 dropped sparse_optimizations',
      'arch.yaml:16:5 dropped sparse_optimizations on glb',
      'arch.yaml:20:5 dropped network component noc (XY_NoC)',
      'arch.yaml:23:5 approximated !Pipelined',
      'problem.yaml:13:5 dropped problem densities',
      'arch.yaml:18:54 dropped no_coalesce (dataspace constraint on glb)',
      'arch.yaml:15:64 approximated attribute multiple_buffering: 2 (glb)',
      'arch.yaml:29:5 approximated leakage of unused instances',
      'arch.yaml:34:18 dropped attribute depth: 2 * 2 (reg)',
      'arch.yaml:33:5 approximated component class regfile (reg)',
      'arch.yaml:12:5 approximated expected difference: glb reads of Output',
      'arch.yaml:32:5 approximated expected difference: reg reads of Output',
      'arch.yaml:8:5 approximated expected difference: DRAM vector rounding',
      'arch.yaml:12:5 approximated expected difference: glb vector rounding',
      '(generated) approximated component energies',
    ]);
    expect(report.items.map((i) => i.feature)).toContain('disabled node spare');
  });

  it('renders Markdown with a section per kind', () => {
    const md = renderReportMarkdown(report);
    expect(md).toContain('Input format: v0.4');
    expect(md).toContain('| arch.yaml:20:5 | network component noc (XY_NoC) | Accelergy network classes have no AccelForge model |');
    expect(md).toContain('## Approximated');
  });

  it('resolves variables, subclasses, ports, technology and fanouts', () => {
    expect(yaml).toContain('extra_attributes_for_all_component_models: { tech_node: 4.5e-8 }');
    expect(yaml).toContain('component_class: SmartBufferSRAM');
    expect(yaml).toContain('extra_attributes_for_component_model: { width: 64, depth: 1024, n_rw_ports: 2 }');
    expect(yaml).toContain('size: 65536');
    expect(yaml).toContain('tensors: { keep: Input, may_keep: ~(Input | Weights) }');
    expect(yaml).toContain('- { name: Y, fanout: 4, power_gateable: true, usage_scale: 4 }');
    expect(yaml).toContain('throughput: 500000000'); // one compute per 2 ns cycle
    expect(yaml).not.toContain('spare');
  });

  it('maps D=0 to the whole dimension, `_` permutations and a Y-only fanout', () => {
    const mapping = yaml.slice(yaml.indexOf('mapping:'));
    // M=0 at DRAM is all of M; the glb's K4 loop sits below the column fanout's K4 (Y only).
    expect(mapping).toContain('- !Temporal { rank_variable: m, tile_shape: 1 }');
    expect(mapping).toContain('- !Spatial { rank_variable: k, tile_shape: 4, name: Y, component: column }');
    expect(mapping).toContain('- !Temporal { rank_variable: k, tile_shape: 1 }');
    expect(checkYaml(yaml)).toEqual([]);
  });

  it('evaluates with component models when no ERT is given', () => {
    const withoutModels = yaml.replace(/component_class: \w+/g, 'component_class: Dummy');
    const { energy } = evaluateYaml(withoutModels);
    expect([...energy.keys()].sort()).toEqual(['DRAM', 'glb', 'mac', 'reg']);
  });
});

describe('errors', () => {
  it('reports malformed YAML with its position', () => {
    const result = convertTimeloopResult([{ path: 'bad.yaml', text: 'architecture:\n  nodes: [\n' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.kind).toBe('yaml');
      expect(result.errors[0]!.pos?.file).toBe('bad.yaml');
    }
  });

  it('asks for Jinja templates to be rendered first', () => {
    const result = convertTimeloopResult([{ path: 'top.yaml', text: 'a: 1\n{% if x %}\nb: 2\n{% endif %}\n' }]);
    expect(result.ok ? undefined : result.errors[0]!.pos).toEqual({ file: 'top.yaml', line: 2, col: 1 });
  });

  it('applies Accelergy `<<<` merges, own keys winning', () => {
    const problem = PROBLEM.replace('  instance:\n    M: 8\n    K: 16\n', '  <<<: {instance: {M: 2, K: 12}}\n  instance:\n    M: 8\n');
    const { yaml } = convertTimeloop([FILES[0]!, { path: 'problem.yaml', text: problem }]);
    expect(yaml).toContain('iteration_space_shape: { m: 0 <= m < 8, k: 0 <= k < 12 }');
  });

  it('needs an architecture and a problem', () => {
    const result = convertTimeloopResult([{ path: 'problem.yaml', text: PROBLEM }]);
    expect(result.ok ? '' : result.errors[0]!.message).toBe('no `architecture:` found in the given files');
  });

  it('reads files through the FileSystem interface', () => {
    const fs = new MemoryFileSystem(Object.fromEntries(FILES.map((f) => [`/in/${f.path}`, f.text])));
    const result = convertTimeloopFiles(fs, FILES.map((f) => `/in/${f.path}`));
    expect(result.ok).toBe(true);
    const missing = convertTimeloopFiles(fs, ['/in/none.yaml']);
    expect(missing.ok ? '' : missing.errors[0]!.message).toBe('file not found: /in/none.yaml');
  });
});

describe('spatial on a component', () => {
  it('becomes a container just above it, and directives naming the component land there', () => {
    const arch = ARCH.replace('  - !Container\n    name: column\n    spatial: {meshY: 4}\n', '').replace(
      '    name: reg\n    class: regfile\n', '    name: reg\n    class: regfile\n    spatial: {meshX: 4}\n');
    const mapping = MAPPING.replace('target: column', 'target: reg');
    const { yaml } = convertTimeloop([{ path: 'arch.yaml', text: arch }, FILES[1]!, { path: 'map.yaml', text: mapping }]);
    expect(yaml).toMatch(/- !Container\n {6}name: reg_spatial\n {6}spatial:\n {8}- \{ name: X, fanout: 4, power_gateable: true, usage_scale: 4 \}\n {4}- !Memory\n {6}name: reg/);
    expect(yaml).toContain('- !Spatial { rank_variable: k, tile_shape: 4, name: X, component: reg_spatial }');
    expect(checkYaml(yaml)).toEqual([]);
  });
});

describe('spatial constraints', () => {
  it('become reuse, may_reuse, min_usage and loop bounds on the fanout', () => {
    const constraints = `    constraints:
      spatial: {factors: [M=1], no_iteration_over_dataspaces: [Weights], no_reuse: [Outputs], no_link_transfer: [Inputs]}
      utilization: {min: 0.5}
`;
    const arch = ARCH.replace('    spatial: {meshY: 4}\n', `    spatial: {meshY: 4}\n${constraints}`);
    const { yaml, report } = convertTimeloop([{ path: 'arch.yaml', text: arch }, FILES[1]!]);
    expect(yaml).toContain('- name: Y\n          fanout: 4\n          power_gateable: true\n          usage_scale: 4\n          reuse: Weights\n          may_reuse: ~(Output)\n          min_usage: 0.5\n'
      + '          loop_bounds:\n            - { expression: m, operator: <=, value: 1 }');
    const dropped = report.items.filter((i) => i.feature.includes('no_link_transfer')).map((i) => `${formatLocation(i)} ${i.reason}`);
    expect(dropped).toEqual(['arch.yaml:32:95 AccelForge has no peer-to-peer transfers']);
    expect(checkYaml(yaml)).toEqual([]);
  });
});
