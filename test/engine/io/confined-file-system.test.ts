import { describe, expect, it } from 'vitest';
import { ConfinedFileSystem, designRoots, isInside } from '../../../src/engine/io/confined-file-system.js';
import { FileNotFound, FileRefused } from '../../../src/engine/io/file-system.js';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';
import { checkSpec } from '../../../src/engine/index.js';
import { thrownBy } from '../../thrown.js';

const HOST = {
  '/home/u/design/arch.yaml': 'arch: {nodes: []}',
  '/home/u/design/sub/w.yaml': 'workload: {}',
  '/home/u/secret.txt': 'secret',
  '/etc/passwd': 'root:x:0:0',
};

describe('ConfinedFileSystem', () => {
  const fs = new ConfinedFileSystem(new MemoryFileSystem(HOST, '/home/u/design'), ['/home/u/design']);

  it('reads, lists and finds files inside its roots', () => {
    expect(fs.readText('arch.yaml')).toBe('arch: {nodes: []}');
    expect(fs.readText('/home/u/design/sub/w.yaml')).toBe('workload: {}');
    expect(fs.list('/home/u/design')).toEqual(['arch.yaml', 'sub']);
    expect(fs.exists('sub/missing.yaml')).toBe(false);
    expect(() => fs.readText('missing.yaml')).toThrow(FileNotFound);
  });

  it('refuses absolute and .. paths outside its roots, naming the flag', () => {
    const error = thrownBy(FileRefused, () => fs.readText('/etc/passwd'));
    expect(error.message).toBe("/etc/passwd is outside the design's folders (/home/u/design); pass --allow-read DIR to allow it");
    expect(error.hint).toMatch(/--allow-read DIR/);
    expect(thrownBy(FileRefused, () => fs.readText('../secret.txt')).message).toMatch(/^\.\.\/secret\.txt \(\/home\/u\/secret\.txt\) is outside/);
    expect(thrownBy(FileRefused, () => fs.readText('sub/../../secret.txt')).path).toBe('sub/../../secret.txt');
  });

  it('does not leak existence: exists, isDirectory, list and realPath refuse outside paths too', () => {
    expect(() => fs.exists('/etc/passwd')).toThrow(FileRefused);
    expect(() => fs.exists('/etc/no-such-file')).toThrow(FileRefused);
    expect(() => fs.isDirectory('/')).toThrow(FileRefused);
    expect(() => fs.list('/home/u')).toThrow(FileRefused);
    expect(() => fs.realPath('/home/u/secret.txt')).toThrow(FileRefused);
  });

  it('a root is a folder, not a name prefix', () => {
    expect(isInside('/home/u/design2/x', '/home/u/design')).toBe(false);
    expect(isInside('/home/u/design/x', '/home/u/design')).toBe(true);
    expect(isInside('/home/u/design', '/home/u/design')).toBe(true);
  });

  it('a spec that includes a host file gets a positioned error', () => {
    const disk = new MemoryFileSystem({ ...HOST, '/home/u/design/evil.yaml': "variables:\n  x: \"{{ include_text('/etc/passwd') }}\"\n" }, '/home/u/design');
    const confined = new ConfinedFileSystem(disk, ['/home/u/design']);
    const result = checkSpec({ fs: confined, specFiles: ['evil.yaml'], variables: {} });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error!.message).toMatch(/^\/etc\/passwd is outside the design's folders \(\/home\/u\/design\); pass --allow-read DIR to allow it$/);
    expect(error!.pos).toMatchObject({ file: 'evil.yaml', line: 2 });
    expect(JSON.stringify(result)).not.toContain('root:x');
  });
});

describe('designRoots', () => {
  const disk = new MemoryFileSystem(HOST, '/work');

  it('is the common folder of the spec files plus the working directory', () => {
    expect(designRoots(disk, ['/home/u/design/arch.yaml', '/home/u/design/sub/w.yaml'])).toEqual(['/home/u/design', '/work']);
  });

  it('adds --allow-read folders, resolved against the working directory', () => {
    expect(designRoots(disk, ['/home/u/design/arch.yaml'], ['../lib'])).toEqual(['/home/u/design', '/work', '/lib']);
  });

  it('never implies the filesystem root: unrelated files each get their own folder', () => {
    expect(designRoots(disk, ['/home/u/design/arch.yaml', '/etc/passwd'])).toEqual(['/home/u/design', '/etc', '/work']);
    expect(designRoots(new MemoryFileSystem(HOST, '/'), ['/home/u/design/arch.yaml'])).toEqual(['/home/u/design']);
  });

  it('uses the folder above the first glob segment of a pattern', () => {
    expect(designRoots(disk, ['/home/u/design/*/w.yaml'])).toEqual(['/home/u/design', '/work']);
  });
});

describe('MemoryFileSystem (the page) sees only its own files', () => {
  const fs = new MemoryFileSystem({ '/design/a.yaml': 'x: 1' }, '/design');

  it('host paths are simply missing', () => {
    for (const path of ['/etc/passwd', '../../etc/passwd', '/dev/zero', '/proc/self/environ']) {
      expect(fs.exists(path)).toBe(false);
      expect(() => fs.readText(path)).toThrow(FileNotFound);
    }
    expect(fs.list('/')).toEqual(['design']);
    expect(fs.readText('../design/./a.yaml')).toBe('x: 1');
  });
});
