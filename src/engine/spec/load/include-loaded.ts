/** Resolution of `!include_loaded name.key.key` against the file's include table (docs/spec-format.md §2.3). */
import { failWith, type SourcePos } from '../../base/errors.js';
import { isRawMap, type RawValue } from '../raw.js';
import type { IncludeResult } from './jinja-globals.js';

function step(value: RawValue, key: string, path: string, pos: SourcePos): RawValue {
  if (Array.isArray(value)) {
    failWith('yaml', `!include_loaded ${path}: cannot index a list with '${key}'`, { pos, hint: 'Only mapping keys can follow the include name.' });
  }
  if (!isRawMap(value) || !Object.hasOwn(value, key)) {
    const available = isRawMap(value) ? Object.keys(value).join(', ') : '(not a mapping)';
    failWith('yaml', `!include_loaded ${path}: key '${key}' not found`, { pos, hint: `Available keys: ${available}.` });
  }
  return value[key]!;
}

/** The included value (by reference) that a marker's dotted path names. */
export function resolveIncludeLoaded(path: string, includes: ReadonlyMap<string, IncludeResult>, pos: SourcePos): RawValue {
  const [name = '', ...keys] = path.split('.');
  const result = includes.get(name);
  if (!result) {
    const known = [...includes.keys()];
    failWith('yaml', `!include_loaded ${path}: no include named '${name}'`, {
      pos,
      hint: known.length > 0 ? `Includes of this file: ${known.join(', ')}.` : 'Create it with {% set X = include("file.yaml") %} and write {{X}}.',
    });
  }
  const walk = (value: RawValue) => keys.filter((k) => k !== '').reduce((v, k) => step(v, k, path, pos), value);
  if (result.many && Array.isArray(result.value)) return result.value.map(walk);
  return walk(result.value);
}
