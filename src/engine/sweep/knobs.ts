/** Sweep knobs: a Jinja variable (`GlobalBufferSize`) or a numeric spec field by path (`arch.nodes[name=X].size`). */
import { failWith } from '../base/errors.js';
import { parseFieldPath } from './field-path.js';
import { parseSweepValues, type SweepValue } from './values.js';

export interface SweepKnob {
  /** As the user wrote it: a variable name or a field path. */
  readonly key: string;
  readonly kind: 'variable' | 'field';
  readonly values: readonly SweepValue[];
}

/** A field path has a `.` or `[`; anything else names a Jinja variable. */
export function knobKind(key: string): SweepKnob['kind'] {
  return /[.[]/.test(key) ? 'field' : 'variable';
}

/** Builds a knob, checking field paths and that field values are numbers. */
export function makeKnob(key: string, values: readonly SweepValue[]): SweepKnob {
  const kind = knobKind(key);
  if (kind === 'field') {
    parseFieldPath(key);
    const bad = values.find((v) => typeof v !== 'number');
    if (bad !== undefined) {
      failWith('schema', `sweep field ${key} takes numbers, got '${String(bad)}'`, { hint: 'Give numbers, or sizes such as 64KB.' });
    }
  } else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    failWith('schema', `'${key}' is neither a Jinja variable name nor a field path`, { hint: 'Use NAME=VALUES or a path like arch.nodes[name=GlobalBuffer].size=VALUES.' });
  }
  return { key, kind, values };
}

/** `KEY=VALUES` from the command line. */
export function parseKnob(text: string): SweepKnob {
  const eq = text.indexOf('=', text.lastIndexOf(']') + 1);
  if (eq <= 0) failWith('schema', `--vary expects KEY=VALUES, got '${text}'`, { hint: 'e.g. --vary GlobalBufferSize=log:32B:4MB:8' });
  return makeKnob(text.slice(0, eq).trim(), parseSweepValues(text.slice(eq + 1)));
}
