/**
 * Timeloop imports (the explorer's import and `convert-timeloop`): nonsense in a Timeloop file
 * must be an error at its place in that file, not a silently different design or an error in
 * the converted text the user never wrote.
 */
import type { Expected, FuzzCase } from '../harness/case-types.js';

function error(messageIncludes: string | RegExp, file: string, at: string, skip = 0): Expected {
  return { error: { messageIncludes, pos: { file, at, skip }, hintPresent: true } };
}

function convertCase(name: string, file: 'arch.yaml' | 'problem.yaml', find: string, replace: string, expect: Expected): FuzzCase {
  return { name: `timeloop: ${name}`, base: 'timeloop', ops: ['convert'], mutations: [{ file, find, replace }], expect };
}

/** Problem dimension M (32 in the default problem) set to `value`. */
const dimension = (value: string): FuzzCase =>
  convertCase(`problem instance M = ${value}`, 'problem.yaml', '    M: 32', `    M: ${value}`, error('M', 'problem.yaml', `M: ${value}`, 3));

export const TIMELOOP_CASES: readonly FuzzCase[] = [
  dimension('abc'),
  dimension('.nan'),
  dimension('-5'),
  dimension('0'),
  dimension('1.5'),
  convertCase('problem instance M = 2^40', 'problem.yaml', '    M: 32', '    M: 1099511627776', { ok: true }),
  convertCase('buffer depth -16384', 'arch.yaml', '      depth: 16384', '      depth: -16384', error('depth', 'arch.yaml', 'depth: -16384', 7)),
  convertCase('buffer datawidth 0', 'arch.yaml', '      datawidth: 16\n      read_bandwidth', '      datawidth: 0\n      read_bandwidth', error('datawidth', 'arch.yaml', 'datawidth: 0', 11)),
  convertCase('meshX 0', 'arch.yaml', 'meshX: 16', 'meshX: 0', error('meshX', 'arch.yaml', 'meshX: 0', 7)),
  convertCase('meshX -4', 'arch.yaml', 'meshX: 16', 'meshX: -4', error('meshX', 'arch.yaml', 'meshX: -4', 7)),
  convertCase('spatial factor Q beyond the problem (Q = 112)', 'arch.yaml', 'factors: [R=1, S=1, P=1, Q=1]', 'factors: [R=1, S=1, P=1, Q=1099511627776]', error('Q', 'arch.yaml', 'Q=1099511627776')),
  // In Timeloop `R=0` means the whole remaining dimension (eyeriss_like's constraints use it): it
  // converts, and the report says at the factor (arch.yaml line 41) that the mapper chooses it.
  convertCase('spatial factor R = 0', 'arch.yaml', 'factors: [R=1, S=1, P=1, Q=1]', 'factors: [R=0, S=1, P=1, Q=1]', {
    ok: true,
    outputIncludes: ['| arch.yaml:41:19 | spatial factor R=0 on', 'left to the mapper'],
  }),
];
