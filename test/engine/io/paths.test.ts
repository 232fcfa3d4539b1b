import { describe, expect, it } from 'vitest';
import { basename, dirname, joinPath, normalizePath, resolvePath } from '../../../src/engine/io/paths.js';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';

describe('paths', () => {
  it('normalizes dot segments', () => {
    expect(normalizePath('/a/./b/../c')).toBe('/a/c');
    expect(normalizePath('a/../../b')).toBe('../b');
  });
  it('joins and resolves', () => {
    expect(joinPath('/a', 'b', '../c.yaml')).toBe('/a/c.yaml');
    expect(resolvePath('/x/y', '/abs')).toBe('/abs');
    expect(dirname('/a/b/c.yaml')).toBe('/a/b');
    expect(basename('/a/b/c.yaml')).toBe('c.yaml');
  });
});

describe('MemoryFileSystem', () => {
  it('lists directories and reads files', () => {
    const fs = new MemoryFileSystem({ '/ex/a.yaml': 'x: 1', '/ex/sub/b.yaml': 'y: 2' });
    expect(fs.list('/ex')).toEqual(['a.yaml', 'sub']);
    expect(fs.isDirectory('/ex/sub')).toBe(true);
    expect(fs.readText('/ex/sub/b.yaml')).toBe('y: 2');
    expect(() => fs.readText('/nope.yaml')).toThrow(/not found/);
  });
});
