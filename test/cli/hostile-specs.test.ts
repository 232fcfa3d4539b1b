/**
 * Hostile specs through the CLI's own input path (the confined disk the verbs use): every attempt
 * to read the host ends in a positioned error that names --allow-read, and nothing is read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { confinedDisk } from '../../src/cli/spec-input.js';
import { checkSpec, type SpecError } from '../../src/engine/index.js';

const top = realpathSync(mkdtempSync(join(tmpdir(), 'af-hostile-')));
const design = join(top, 'a', 'b', 'design');
mkdirSync(join(design, 'sub'), { recursive: true });
afterAll(() => rmSync(top, { recursive: true, force: true }));
writeFileSync(join(top, 'x.yaml'), 'variables: {stolen: 1}\n');
symlinkSync('/etc/hosts', join(design, 'sub', 'hosts.yaml'));
execFileSync('mkfifo', [join(design, 'fifo.yaml')]);
writeFileSync(join(design, 'big.txt'), Buffer.alloc(20 * 1024 * 1024, 'a'));

function check(name: string, text: string, allowRead: readonly string[] = []): readonly SpecError[] {
  const file = join(design, name);
  writeFileSync(file, text);
  const { fs } = confinedDisk([file], allowRead);
  return checkSpec({ fs, specFiles: [file], variables: {} }).errors;
}

function onlyError(errors: readonly SpecError[]): SpecError {
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

const OUTSIDE = /is outside the design's folders \(.*\); pass --allow-read DIR to allow it$/;

describe('a design reads only its own files', () => {
  it("include_text('/etc/passwd')", () => {
    const error = onlyError(check('passwd.yaml', "variables:\n  x: \"{{ include_text('/etc/passwd') }}\"\n"));
    expect(error.message).toMatch(/^\/etc\/passwd /);
    expect(error.message).toMatch(OUTSIDE);
    expect(error.pos).toMatchObject({ line: 2, col: 7 });
    expect(error.pos!.file).toMatch(/passwd\.yaml$/);
    expect(error.hint).toMatch(/--allow-read DIR/);
  });

  it("include('../../x.yaml') leaving the folder, and the same with --allow-read", () => {
    const text = "{% set X = include('../../../x.yaml') %}\nvariables: {}\n";
    const error = onlyError(check('dotdot.yaml', text));
    expect(error.message).toBe(`${join(top, 'x.yaml')} is outside the design's folders (${design}, ${realpathSync(process.cwd())}); pass --allow-read DIR to allow it`);
    expect(error.pos).toMatchObject({ line: 1, col: 1 });
    expect(check('dotdot.yaml', text, [top]).filter((e) => /outside/.test(e.message))).toEqual([]);
  });

  it('!include /etc/hosts (the legacy tag)', () => {
    const error = onlyError(check('legacy.yaml', 'variables:\n  h: !include /etc/hosts\n'));
    expect(error.message).toMatch(/^\/etc\/hosts /);
    expect(error.message).toMatch(OUTSIDE);
    expect(error.pos).toMatchObject({ line: 2, col: 15 });
  });

  it('a symlink inside the folder that points outside', () => {
    const error = onlyError(check('symlink.yaml', "variables:\n  h: \"{{ include_text('sub/hosts.yaml') }}\"\n"));
    expect(error.message).toMatch(/sub\/hosts\.yaml \(\/etc\/hosts\) is outside/);
  });

  it("find_paths('/*') and path_exists('/etc/shadow') do not reveal what exists", () => {
    expect(onlyError(check('glob.yaml', "variables:\n  h: \"{{ find_paths('/*') }}\"\n")).message).toMatch(/^\/ is outside/);
    const exists = onlyError(check('exists.yaml', "variables:\n  h: \"{{ path_exists('/etc/shadow') }}\"\n"));
    expect(exists.message).toMatch(/^\/etc\/shadow is outside/);
    const missing = onlyError(check('exists2.yaml', "variables:\n  h: \"{{ path_exists('/etc/no-such-file') }}\"\n"));
    expect(missing.message).toMatch(/^\/etc\/no-such-file is outside/);
  });

  it('/dev/zero, a FIFO and a 20 MiB file are refused, even when allowed', () => {
    const zero = onlyError(check('zero.yaml', "variables:\n  h: \"{{ include_text('/dev/zero') }}\"\n", ['/dev']));
    expect(zero.message).toBe('/dev/zero is a device, not a regular file; only regular files are read');
    expect(zero.pos).toMatchObject({ line: 2, col: 7 });
    const fifo = onlyError(check('fifo-inc.yaml', "variables:\n  h: \"{{ include_text('fifo.yaml') }}\"\n"));
    expect(fifo.message).toMatch(/fifo\.yaml is a FIFO \(named pipe\), not a regular file/);
    const big = onlyError(check('big-inc.yaml', "variables:\n  h: \"{{ include_text('big.txt') | length }}\"\n"));
    expect(big.message).toMatch(/big\.txt is larger than 16 MiB/);
  });
});

describe('YAML alias bombs', () => {
  it('billion laughs is refused quickly, at the alias that crosses the cap', () => {
    const levels = ['  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) levels.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const error = onlyError(check('bomb.yaml', `variables:\n${levels.join('\n')}\n`));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error.message).toBe('YAML aliases expand this file to more than 1,000,000 values');
    expect(error.pos?.line).toBe(7);
    expect(error.hint).toMatch(/aliases of aliases multiply/);
  });

  it('an alias inside its own anchor is an error, not an infinite value', () => {
    const error = onlyError(check('cycle.yaml', 'variables:\n  a: &a [1, *a]\n'));
    expect(error.message).toBe('A YAML alias refers to a mapping or list that contains it');
    expect(error.pos).toMatchObject({ line: 2, col: 13 });
  });

  it('ordinary anchors and merge keys still work', () => {
    expect(check('anchors.yaml', 'variables:\n  a: &a {p: 1}\n  b: *a\n  c: {<<: *a, q: 2}\n')).toEqual([]);
  });
});
