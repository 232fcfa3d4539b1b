import { describe, expect, it } from 'vitest';
import { convertTimeloop } from '../../../src/engine/timeloop/index.js';
import { fixtures, TUTORIALS } from './fixtures.js';

const T03 = `v4-2ffec69/${TUTORIALS}/03-model-conv1d+oc-3level`;

function mappingSection(yaml: string): string {
  return yaml.slice(yaml.indexOf('mapping:'));
}

describe('mapping directives → LoopTree', () => {
  it('03 bypass gives the LoopTree docs/timeloop.md describes (renamed tensors)', () => {
    const { yaml } = convertTimeloop(fixtures(`${T03}/arch/3level.arch.yaml`, `${T03}/prob/conv1d+oc.prob.yaml`, `${T03}/map/conv1d+oc-3level-bypass.map.yaml`));
    expect(mappingSection(yaml)).toBe(`mapping:
  nodes:
    - !Storage
      tensors: [ Weights, Input, Output ]
      component: MainMemory
    - !Storage
      tensors: [ Weights, Input ]
      component: GlobalBuffer
    - !Temporal { rank_variable: k, tile_shape: 2 }
    - !Temporal { rank_variable: p, tile_shape: 1 }
    - !Storage
      tensors: [ Output ]
      component: RegisterFile
    - !Temporal { rank_variable: k, tile_shape: 1 }
    - !Temporal { rank_variable: r, tile_shape: 1 }
    - !Compute { einsum: Conv1D_OC, component: MACC }
`);
  });

  it('keeps a tile above the innermost loops that do not index it (Timeloop reuse)', () => {
    // No bypass: the RegisterFile keeps weights across the P16 loop of the GlobalBuffer, and
    // outputs across its own R3 loop. Its input window slides along that innermost P16 loop, so
    // the Input node sits above it too (Timeloop fetches the 18 = 16 + 3 - 1 inputs once per k),
    // last in its node so that AccelForge measures its occupancy below the loop (3 values).
    const { yaml } = convertTimeloop(fixtures(`${T03}/arch/3level.arch.yaml`, `${T03}/prob/conv1d+oc.prob.yaml`, `${T03}/map/conv1d+oc-3level.map.yaml`));
    const lines = mappingSection(yaml).split('\n').map((l) => l.trim());
    const order = lines.filter((l) => l.startsWith('- !Temporal') || l.startsWith('tensors:'));
    expect(order).toEqual([
      'tensors: [ Weights, Input, Output ]',
      'tensors: [ Weights, Input, Output ]',
      '- !Temporal { rank_variable: k, tile_shape: 2 }',
      'tensors: [ Weights, Input ]',
      '- !Temporal { rank_variable: p, tile_shape: 1 }',
      'tensors: [ Output ]',
      '- !Temporal { rank_variable: k, tile_shape: 1 }',
      '- !Temporal { rank_variable: r, tile_shape: 1 }',
    ]);
  });

  it('puts spatial factors on the fanout container, split into X and Y', () => {
    const dir = `v4/${TUTORIALS}/06-mapper-convlayer-eyeriss`;
    const { yaml } = convertTimeloop(fixtures(`${dir}/arch/eyeriss_like.yaml`, `${dir}/prob/VGG02_layer5.yaml`, `${dir}/ref-output/timeloop-mapper.map.yaml`));
    const spatial = mappingSection(yaml).split('\n').filter((l) => l.includes('!Spatial')).map((l) => l.trim());
    // map.txt: Q14 (Spatial-X) under PE_column; M4 and S3 (Spatial-Y, split 0) under PE.
    expect(spatial).toEqual([
      '- !Spatial { rank_variable: q, tile_shape: 1, name: X, component: PE_column }',
      '- !Spatial { rank_variable: m, tile_shape: 16, name: Y, component: PE }',
      '- !Spatial { rank_variable: s, tile_shape: 1, name: Y, component: PE }',
    ]);
  });
});
