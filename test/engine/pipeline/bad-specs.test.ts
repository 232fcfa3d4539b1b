import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { checkSpec, formatSpecPath } from '../../../src/engine/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/bad');

interface Expectation {
  line: number;
  /** 0 when the fixture does not state a column. */
  col: number;
  path: string;
  message: RegExp;
  hint: RegExp;
}

/**
 * Each malformed spec states what it expects in its first comment lines (patterns are
 * case-insensitive); `# expect-col:` is optional.
 */
function readExpectation(text: string): Expectation {
  const optional = (name: string): string | undefined => new RegExp(`^# expect-${name}: ?(.*)$`, 'm').exec(text)?.[1]!.trim();
  const field = (name: string): string => {
    const value = optional(name);
    if (value === undefined) throw new Error(`fixture lacks '# expect-${name}:'`);
    return value;
  };
  return { line: Number(field('line')), col: Number(optional('col') ?? 0), path: field('path'), message: new RegExp(field('message'), 'i'), hint: new RegExp(field('hint'), 'i') };
}

const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')).sort();

describe('malformed specs', () => {
  it('has at least 30 fixtures whose error names a spec path', () => {
    const withPath = fixtures.filter((name) => readExpectation(readFileSync(join(FIXTURES, name), 'utf8')).path !== '');
    expect(withPath.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('%s gives one clear, positioned error', (name) => {
    const file = join(FIXTURES, name);
    const expected = readExpectation(readFileSync(file, 'utf8'));
    const result = checkSpec({ fs: new NodeFileSystem(), specFiles: [file], variables: {} });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error!.message).toMatch(expected.message);
    expect(error!.hint ?? '').toMatch(expected.hint);
    expect(error!.pos?.file).toContain(name);
    if (expected.line > 0) expect(error!.pos?.line).toBe(expected.line);
    if (expected.col > 0) expect(error!.pos?.col).toBe(expected.col);
    if (expected.path !== '') expect(formatSpecPath(error!.path)).toBe(expected.path);
    expect(error!.message).not.toMatch(/\n\s+at /);
  });
});
