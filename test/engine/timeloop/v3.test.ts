import { describe, expect, it } from 'vitest';
import { convertTimeloop } from '../../../src/engine/timeloop/index.js';
import { checkYaml, evaluateYaml, fixtures, TUTORIALS } from './fixtures.js';

const IN = `v4-2ffec69/${TUTORIALS}`;
const OUT = `v4/${TUTORIALS}`;
const V3 = 'v3/workspace/exercises/2020.ispass/timeloop';

/** v0.4 inputs and the v0.3-shaped `parsed-processed-input.yaml` timeloopfe made from them. */
const TWINS: { name: string; v4: string[]; processed: string; tables: string; map?: string }[] = [
  { name: '00', v4: [`${IN}/00-model-conv1d-1level/arch/1level.arch.yaml`, `${IN}/00-model-conv1d-1level/prob/conv1d.prob.yaml`, `${IN}/00-model-conv1d-1level/map/conv1d-1level.map.yaml`],
    processed: `${OUT}/00-model-conv1d-1level/ref-output`, tables: 'timeloop-model' },
  { name: '02 tiling', v4: [`${IN}/02-model-conv1d+oc-2level/arch/2level.arch.yaml`, `${IN}/02-model-conv1d+oc-2level/prob/conv1d+oc.prob.yaml`, `${IN}/02-model-conv1d+oc-2level/map/conv1d+oc-2level-os-tiled.map.yaml`],
    processed: `${OUT}/02-model-conv1d+oc-2level/ref-output/tiling`, tables: 'timeloop-model' },
  { name: '03 bypass', v4: [`${IN}/03-model-conv1d+oc-3level/arch/3level.arch.yaml`, `${IN}/03-model-conv1d+oc-3level/prob/conv1d+oc.prob.yaml`, `${IN}/03-model-conv1d+oc-3level/map/conv1d+oc-3level-bypass.map.yaml`],
    processed: `${OUT}/03-model-conv1d+oc-3level/ref-output/bypass`, tables: 'timeloop-model' },
  { name: '04 cp (fanout above the GlobalBuffer)', v4: [`${IN}/04-model-conv1d+oc-3levelspatial/arch/3levelspatial.arch.yaml`, `${IN}/04-model-conv1d+oc-3levelspatial/prob/conv1d+oc+ic.prob.yaml`, `${IN}/04-model-conv1d+oc-3levelspatial/map/conv1d+oc+ic-3levelspatial-cp-ws.map.yaml`],
    processed: `${OUT}/04-model-conv1d+oc-3levelspatial/ref-output/cp`, tables: 'timeloop-model' },
  { name: '06 eyeriss', v4: [`${OUT}/06-mapper-convlayer-eyeriss/arch/eyeriss_like.yaml`, `${OUT}/06-mapper-convlayer-eyeriss/prob/VGG02_layer5.yaml`, `${OUT}/06-mapper-convlayer-eyeriss/ref-output/timeloop-mapper.map.yaml`],
    processed: `${OUT}/06-mapper-convlayer-eyeriss/ref-output`, tables: 'timeloop-mapper',
    map: `${OUT}/06-mapper-convlayer-eyeriss/ref-output/timeloop-mapper.map.yaml` },
];

describe('v0.3-shaped input gives the same figures as its v0.4 twin', () => {
  for (const t of TWINS) {
    it(t.name, () => {
      const tables = [`${t.processed}/${t.tables}.ERT.yaml`, `${t.processed}/${t.tables}.ART.yaml`];
      const fromV4 = convertTimeloop(fixtures(...t.v4, ...tables));
      // The processed dump holds arch, problem and mapping (v0.3 `subtree`/`local`, `X[1..16]`).
      // A mapper run's dump has no mapping; its chosen mapping is the emitted map.yaml.
      const fromV3 = convertTimeloop(fixtures(`${t.processed}/parsed-processed-input.yaml`, ...(t.map ? [t.map] : []), ...tables));
      expect(fromV3.report.format).toBe('v0.4-processed (v0.3-shaped)');
      expect(checkYaml(fromV3.yaml)).toEqual([]);
      const a = evaluateYaml(fromV4.yaml);
      const b = evaluateYaml(fromV3.yaml);
      expect([...b.energy.keys()].sort()).toEqual([...a.energy.keys()].sort());
      for (const [component, pj] of a.energy) expect(b.energy.get(component)).toBeCloseTo(pj, 6);
    });
  }

  it('names the fanout after timeloopfe\'s dummy level and puts it where the instance count grows', () => {
    const dir = `${OUT}/04-model-conv1d+oc-3levelspatial/ref-output/cp`;
    const { yaml } = convertTimeloop(fixtures(`${dir}/parsed-processed-input.yaml`));
    const names = [...yaml.matchAll(/^ {4}- !(\w+)\n {6}name: (\w+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(names).toEqual(['Memory MainMemory', 'Container PE', 'Memory GlobalBuffer', 'Memory RegisterFile', 'Compute MACC']);
    expect(yaml).toContain('- { name: X, fanout: 16, power_gateable: true, usage_scale: 16 }');
  });
});

describe('original v0.3 tutorials (2020, subtree/local, hyphenated keys, type: bypass)', () => {
  const files = (dir: string, map: string, run: string): string[] => [
    `${V3}/${dir}/arch/${dir.startsWith('03') ? '3level' : '3levelspatial'}.arch.yaml`,
    `${V3}/${dir}/prob/${dir.startsWith('03') ? 'conv1d+oc' : 'conv1d+oc+ic'}.prob.yaml`,
    `${V3}/${dir}/map/${map}`,
    `${V3}/${dir}/ref-output/${run}/timeloop-model.ERT.yaml`,
    `${V3}/${dir}/ref-output/${run}/timeloop-model.ART.yaml`,
  ];

  it('03 bypass: within 2 % of Timeloop 2020 (53398.44 pJ; ROUND/DRAIN differences as in v0.4)', () => {
    const { yaml, report } = convertTimeloop(fixtures(...files('03-model-conv1d+oc-3level', 'conv1d+oc-3level-bypass.map.yaml', 'bypass')));
    expect(report.format).toBe('v0.3');
    expect(checkYaml(yaml)).toEqual([]);
    const { energy, total } = evaluateYaml(yaml);
    expect(energy.get('MACC')).toBeCloseTo(1536 * 0.561, 6); // mac_random, as Timeloop charged
    expect(Math.abs(total - 53398.44) / 53398.44).toBeLessThan(0.02);
  });

  it('04 cp: the spatial directive on GlobalBuffer lands on the fanout below it', () => {
    const { yaml } = convertTimeloop(fixtures(...files('04-model-conv1d+oc-3levelspatial', 'conv1d+oc+ic-3levelspatial-cp-ws.map.yaml', 'cp')));
    expect(checkYaml(yaml)).toEqual([]);
    expect(yaml).toContain('- !Spatial { rank_variable: c, tile_shape: 2, name: X, component: PE }');
    const storage = yaml.indexOf('component: GlobalBuffer');
    expect(storage).toBeGreaterThan(0);
    expect(yaml.indexOf('!Spatial')).toBeGreaterThan(storage);
  });
});
