import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES } from '../../src/ui/features/examples/bundle.js';
import { completeAt, hoverAt, namesFromCheck } from '../../src/engine/pipeline/editor-assist.js';
import { blankJinja } from '../../src/engine/pipeline/yaml-cursor.js';
import { createEngineApi } from '../../src/worker/engine-api.js';

const SIMPLE = BUNDLED_FILES['arches/simple.yaml'] ?? '';
const LINES = SIMPLE.split('\n');

/** 1-based line of the first line containing `needle`. */
function lineOf(needle: string, lines = LINES): number {
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

/** simple.yaml with `inserted` placed before the line containing `before`. */
function withLine(inserted: string, before: string): { text: string; line: number } {
  const at = lineOf(before) - 1;
  return { text: [...LINES.slice(0, at), inserted, ...LINES.slice(at)].join('\n'), line: at + 1 };
}

describe('blankJinja', () => {
  it('keeps line and column numbers while removing template syntax', () => {
    const text = '{% set A = 1 %}\nsize: {{A}}\n';
    expect(blankJinja(text)).toBe('               \nsize: _____\n');
  });
});

describe('hoverAt on examples/arches/simple.yaml', () => {
  it('describes size under a !Memory node', () => {
    const line = lineOf('size: inf');
    expect(hoverAt({ text: SIMPLE, line, col: 6 })).toBe('**size** (required)\n\nCapacity in bits (`inf` allowed)');
  });

  it('lists the tags a node list accepts when hovering its key', () => {
    const hover = hoverAt({ text: SIMPLE, line: lineOf('  nodes:'), col: 4 }) ?? '';
    expect(hover).toContain('**nodes**');
    expect(hover).toContain('`!Memory`');
    expect(hover).toContain('`!Compute`');
  });

  it('names the component model behind a component_class value', () => {
    const { text, line } = withLine('    component_class: LPDDR4', 'leak_power: 0');
    expect(hoverAt({ text, line, col: 26 })).toBe('**LPDDR4**\n\nComponent models: `LPDDR4`');
  });

  it('has nothing to say on a comment', () => {
    expect(hoverAt({ text: SIMPLE, line: 1, col: 3 })).toBeNull();
  });
});

describe('completeAt on examples/arches/simple.yaml', () => {
  it('offers the fields a new !Memory node is missing, required ones first', () => {
    const { text, line } = withLine('  - !Memory\n    name: Scratch\n    ', '- !Compute');
    const result = completeAt({ text, line: line + 2, col: 5 });
    const labels = result.items.map((i) => i.label);
    expect(labels[0]).toBe('size');
    expect(result.items[0]?.detail).toBe('required');
    expect(labels).toEqual(expect.arrayContaining(['size', 'tensors', 'actions', 'component_class']));
    expect(labels).not.toContain('name');
    expect(result.from).toBe(5);
    expect(result.items.find((i) => i.label === 'size')?.insertText).toBe('size: ');
  });

  it('offers component classes after component_class:', () => {
    const { text, line } = withLine('    component_class: Sm', 'leak_power: 0');
    const result = completeAt({ text, line, col: 24 });
    const labels = result.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['SmartBufferSRAM', 'LPDDR4', 'SRAM']));
    expect(result.from).toBe(22);
  });

  it('offers node tags after ! in the nodes list', () => {
    const { text, line } = withLine('  - !Me', '- !Compute');
    const result = completeAt({ text, line, col: 8 });
    expect(result.from).toBe(5);
    expect(result.items.map((i) => i.insertText)).toEqual(expect.arrayContaining(['!Memory', '!Compute', '!Toll']));
  });

  it('offers component names for a mapping component from the last check', () => {
    const mapping = 'mapping:\n  nodes:\n  - !Storage\n    tensors: [A]\n    component: Gl\n';
    const names = { tensors: ['A', 'B'], rankVariables: ['m'], components: ['GlobalBuffer', 'MAC'], einsums: ['E'] };
    const result = completeAt({ text: mapping, line: 5, col: 18, names });
    expect(result.items.map((i) => i.label)).toEqual(['GlobalBuffer', 'MAC']);
    const tensors = completeAt({ text: mapping, line: 4, col: 16, names });
    expect(tensors.items.map((i) => i.label)).toEqual(['A', 'B']);
  });
});

describe('namesFromCheck and the worker API', () => {
  it('collects tensors, rank variables and components from a real check and completes with them', async () => {
    const api = createEngineApi();
    const design = { files: BUNDLED_FILES, specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'], variables: { KN: 64, M: 64, N_EINSUMS: 2 } };
    const check = await api.checkDesign(design);
    const names = namesFromCheck(check);
    expect(names.components).toEqual(['GlobalBuffer', 'MAC', 'MainMemory']);
    expect(names.einsums).toEqual(['Matmul0', 'Matmul1']);
    const completion = await api.complete({ text: 'mapping:\n  nodes:\n  - !Temporal\n    rank_variable: ', line: 4, col: 20, check });
    expect(completion.items.map((i) => i.label)).toEqual(names.rankVariables);
    expect(names.rankVariables.length).toBeGreaterThan(0);
  });
});
