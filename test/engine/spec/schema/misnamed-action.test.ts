import { describe, expect, it } from 'vitest';
import type { RawMap } from '../../../../src/engine/spec/raw.js';
import { validSpec, yamlErrors } from './validate.js';

const arch = (mac: string) => `arch:
  nodes:
  - !Memory {name: MainMemory, size: inf, actions: [{name: read, energy: 1, throughput: 1}, {name: write, energy: 1, throughput: 1}]}
  - !Compute
    name: MAC
    ${mac}
`;

describe('misnamed component actions', () => {
  it("names an uncounted action when a class-less Compute has no 'compute' action, at the action's name", () => {
    const errors = yamlErrors(arch('actions: [{name: frobnicate, energy: 1, throughput: 1}]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(
      "action 'frobnicate' is not one the model counts, and the component has no 'compute' action and no component_class to cost it",
    );
    expect(errors[0]!.pos).toMatchObject({ file: 'spec.yaml', line: 6, col: 22 });
    expect(errors[0]!.hint).toMatch(/^Rename it to 'compute'/);
  });

  it('accepts extra actions beside compute, or with a component_class', () => {
    const root = (actions: RawMap[], cls = ''): RawMap => ({
      arch: { nodes: [{ $tag: 'Compute', name: 'MAC', ...(cls ? { component_class: cls } : {}), actions }] },
    });
    expect(() => validSpec(root([{ name: 'frobnicate' }, { name: 'compute', energy: 1, throughput: 1 }]))).not.toThrow();
    expect(() => validSpec(root([{ name: 'frobnicate' }], 'IntMAC'))).not.toThrow();
  });
});
