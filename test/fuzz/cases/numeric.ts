/**
 * Numeric nonsense, field by field: each row puts one value into one field of an example and
 * states the right outcome. Negative, zero, NaN or infinite values are errors where the field
 * cannot mean them (issue 13 §7); values that do mean something (a free action, an infinite
 * backing store) must still work, with the energy worked out by hand.
 *
 * simple base (M = KN = 4, two unfused matmuls, every action costs 1 per bit): MainMemory moves
 * 768 bits, GlobalBuffer 4608, the MAC computes 128 times, so the energy is 5504.
 */
import type { Expected, FuzzCase } from '../harness/case-types.js';
import { ONE_MATMUL } from './one-matmul.js';

const BASE_ENERGY = 5504;

interface Field {
  readonly label: string;
  readonly base: string;
  readonly file: string;
  /** Text around the value, with `$V` where the value goes. */
  readonly template: string;
  /** The original value, so `find` is the template with it filled in. */
  readonly original: string;
  /** What the error message (or its spec path) must name. */
  readonly names: string;
}

const FIELDS: Readonly<Record<string, Field>> = {
  bits_per_value: { label: 'bits_per_value', base: 'simple', file: 'workload.yaml', template: 'bits_per_value: {All: $V}', original: '8', names: 'bits_per_value' },
  size: { label: 'GlobalBuffer size', base: 'simple', file: 'arch.yaml', template: 'size: $V\n    leak_power: 0\n    area: 0\n    tensors: {keep: ~MainMemory', original: '{{GlobalBufferSize}}', names: 'size' },
  throughput: { label: 'MAC throughput', base: 'simple', file: 'arch.yaml', template: '{name: compute, energy: 1, throughput: $V}', original: '1', names: 'throughput' },
  energy: { label: 'MAC energy', base: 'simple', file: 'arch.yaml', template: '{name: compute, energy: $V, throughput: 1}', original: '1', names: 'energy' },
  area: { label: 'MAC area', base: 'simple', file: 'arch.yaml', template: 'name: MAC\n    leak_power: 0\n    area: $V', original: '0', names: 'area' },
  leak: { label: 'MAC leak_power', base: 'simple', file: 'arch.yaml', template: 'name: MAC\n    leak_power: $V', original: '0', names: 'leak_power' },
  fanout: { label: 'NVDLA fanout', base: 'nvdla', file: 'arch.yaml', template: '{name: reuse_input, fanout: $V,', original: '32', names: 'fanout' },
  rank: { label: 'rank m bound', base: 'simple', file: 'workload.yaml', template: 'm:  0 <= m  < $V', original: '{{M}}', names: 'm' },
  nvdlaEnergy: { label: 'NVDLA DRAM read energy', base: 'nvdla', file: 'arch.yaml', template: '{name: read, energy: $V, throughput: 8 * 38.4e9}', original: '7.03e-12', names: 'energy' },
  nvdlaThroughput: { label: 'NVDLA buffer write throughput', base: 'nvdla', file: 'arch.yaml', template: '{name: write, energy: 0.293e-12, throughput: $V}', original: '128e9 * 8', names: 'throughput' },
  eyerissSize: { label: 'Eyeriss buffer size', base: 'eyeriss', file: 'arch.yaml', template: 'size: $V', original: '1024 * 1024', names: 'size' },
};

/** An error naming the field (or its path), pointing at the first character of the new value. */
function rangeError(field: Field, value: string): Expected {
  // A rank's bound is one expression (`0 <= m < 4`): the error points at its start.
  if (field === FIELDS.rank) return { error: { messageIncludes: field.names, pos: { at: '0 <= m' }, hintPresent: true } };
  // The value itself, found with the text before it so a value like `0` is not matched earlier.
  const before = field.template.slice(0, field.template.indexOf('$V'));
  return { error: { messageIncludes: field.names, pos: { at: before + value, skip: before.length }, hintPresent: true } };
}

function fieldCase(key: keyof typeof FIELDS, value: string, expect: Expected | 'range', extra: Partial<FuzzCase> = {}): FuzzCase {
  const field = FIELDS[key]!;
  return {
    name: `numeric: ${field.label} = ${value}`,
    base: field.base,
    mutations: [{ file: field.file, find: field.template.replace('$V', field.original), replace: field.template.replace('$V', value) }],
    expect: expect === 'range' ? rangeError(field, value) : expect,
    ...extra,
  };
}

/** Unquoted text is an expression: the undefined name is the error. */
const undefinedName = (value: string): Expected => ({ error: { messageIncludes: value, pos: { at: value }, hintPresent: true } });
// (Undefined names are words that appear nowhere else in the edited text, so `at` is unique.)

/** A `mapper:` setting on the one-matmul spec; `check` validates it before any search. */
function mapperField(field: string, value: string): FuzzCase {
  const line = `mapper: {${field}: ${value}}`;
  return {
    name: `numeric: mapper.${field} = ${value}`,
    files: { 'spec.yaml': `${line}\n${ONE_MATMUL}` },
    ops: ['check'],
    expect: { error: { messageIncludes: field, pos: { file: 'spec.yaml', at: line, skip: line.indexOf(value) }, hintPresent: true } },
  };
}

export const NUMERIC_CASES: readonly FuzzCase[] = [
  fieldCase('bits_per_value', '-8', 'range'),
  fieldCase('bits_per_value', '0', 'range'),
  fieldCase('bits_per_value', '.nan', 'range'),
  fieldCase('bits_per_value', '.inf', 'range'),
  fieldCase('bits_per_value', '"eight"', 'range'),
  fieldCase('bits_per_value', 'eight', undefinedName('eight')),
  fieldCase('bits_per_value', '16', { ok: true, energy: 2 * (768 + 4608) + 128 }),

  fieldCase('size', '-8', 'range'),
  fieldCase('size', '.nan', 'range'),
  fieldCase('size', '-.inf', 'range'),
  fieldCase('size', '"big"', 'range'),
  fieldCase('size', 'big', undefinedName('big')),
  fieldCase('size', '1e300', { ok: true, energy: BASE_ENERGY }),
  fieldCase('size', '.inf', { ok: true, energy: BASE_ENERGY }),
  // A zero-bit buffer is a legal spec that cannot hold this mapping's tiles: the mapping is blamed.
  fieldCase('size', '0', { error: { messageIncludes: ['GlobalBuffer', '0 bits'], pos: { file: 'mapping.yaml', line: 23 }, hintPresent: true } }, { ops: ['evaluate'] }),

  fieldCase('throughput', '-1', 'range'),
  fieldCase('throughput', '0', 'range'),
  fieldCase('throughput', '.nan', 'range'),
  fieldCase('throughput', '"fast"', 'range'),
  fieldCase('throughput', 'fast', undefinedName('fast')),
  // An infinitely fast port is AccelForge's own default for free memories.
  fieldCase('throughput', '.inf', { ok: true, energy: BASE_ENERGY }),

  fieldCase('energy', '-1', 'range'),
  fieldCase('energy', '.nan', 'range'),
  fieldCase('energy', '.inf', 'range'),
  fieldCase('energy', '"cheap"', 'range'),
  fieldCase('energy', 'cheap', undefinedName('cheap')),
  fieldCase('energy', '0', { ok: true, energy: BASE_ENERGY - 128 }),
  fieldCase('energy', '2.5', { ok: true, energy: BASE_ENERGY + 1.5 * 128 }),
  // 128 computes at 1e308 each overflow a double. Every input is finite, so `check` (which does
  // not run the model) rightly passes; evaluate refuses the infinite total, naming the component
  // and the overflow at the Compute node the count comes from (mapping.yaml lines 34-35). (`map`
  // refuses it too, but at a node of the mapping it found, which has no place in the files.)
  fieldCase('energy', '1e308', { ok: true }, { ops: ['check'] }),
  fieldCase('energy', '1e308', { error: { messageIncludes: ['MAC', 'energy', 'overflow'], pos: { file: 'mapping.yaml', line: [34, 35] }, hintPresent: true } }, {
    name: 'numeric: MAC energy = 1e308 (its total overflows)',
    ops: ['evaluate'],
  }),

  fieldCase('area', '-1', 'range'),
  fieldCase('area', '.nan', 'range'),
  fieldCase('area', '.inf', 'range'),
  fieldCase('area', '"tiny"', 'range'),
  fieldCase('area', 'tiny', undefinedName('tiny')),
  fieldCase('area', '1e-9', { ok: true, energy: BASE_ENERGY }),

  fieldCase('leak', '-1', 'range'),
  fieldCase('leak', '.nan', 'range'),
  fieldCase('leak', '.inf', 'range'),
  fieldCase('leak', '"low"', 'range'),
  fieldCase('leak', 'low', undefinedName('low')),

  fieldCase('fanout', '-2', 'range'),
  fieldCase('fanout', '0', 'range'),
  fieldCase('fanout', '.nan', 'range'),
  fieldCase('fanout', '.inf', 'range'),
  fieldCase('fanout', '2.5', 'range'),
  fieldCase('fanout', '"wide"', 'range'),
  fieldCase('fanout', 'wide', undefinedName('wide')),
  fieldCase('fanout', '16', { ok: true }),

  fieldCase('rank', '-4', 'range'),
  fieldCase('rank', '0', 'range'),
  fieldCase('rank', '2.5', 'range'),
  fieldCase('rank', 'Mrows', undefinedName('Mrows')),

  fieldCase('nvdlaEnergy', '-7.03e-12', 'range'),
  fieldCase('nvdlaEnergy', '.nan', 'range'),
  fieldCase('nvdlaThroughput', '0', 'range'),
  fieldCase('nvdlaThroughput', '-128e9 * 8', 'range'),
  fieldCase('eyerissSize', '-1024 * 1024', 'range', { ops: ['check', 'components'] }),
  fieldCase('eyerissSize', '2048 * 1024', { ok: true }, { ops: ['check', 'components'] }),

  mapperField('time_limit', '-1'),
  mapperField('memory_limit', '-5'),
  mapperField('max_fused_loops', '-1'),
  mapperField('max_fused_loops', '1.5'),
];
