import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, NodeFileSystem } from '../../src/cli/node-file-system.js';
import { FileNotFound, FileRefused } from '../../src/engine/io/file-system.js';
import { thrownBy } from '../thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'af-nodefs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fs = new NodeFileSystem();

function refusedMessage(path: string, disk = fs): string {
  return thrownBy(FileRefused, () => disk.readText(path)).message;
}

describe('NodeFileSystem reads only regular files, up to a size cap', () => {
  it('reads a regular file', () => {
    writeFileSync(join(dir, 'a.yaml'), 'x: 1\n');
    expect(fs.readText(join(dir, 'a.yaml'))).toBe('x: 1\n');
    expect(() => fs.readText(join(dir, 'missing.yaml'))).toThrow(FileNotFound);
  });

  it('refuses devices (/dev/zero would grow without bound), folders and FIFOs without blocking', () => {
    expect(refusedMessage('/dev/zero')).toBe('/dev/zero is a device, not a regular file; only regular files are read');
    expect(refusedMessage(dir)).toBe(`${dir} is a folder, not a regular file; only regular files are read`);
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO for reading would block until a writer appears; this returns at once.
    expect(refusedMessage(fifo)).toBe(`${fifo} is a FIFO (named pipe), not a regular file; only regular files are read`);
  });

  it('refuses a 20 MiB file', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024, 'a'));
    expect(MAX_FILE_BYTES).toBe(16 * 1024 * 1024);
    expect(refusedMessage(big)).toBe(`${big} is larger than 16 MiB, the most a spec file may hold`);
    expect(refusedMessage(join(dir, 'a.yaml'), new NodeFileSystem({ maxFileBytes: 3 }))).toMatch(/larger than/);
  });

  it('resolves symlinks, also under a path that does not exist yet', () => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const real = fs.realPath(dir);
    expect(fs.realPath(join(dir, 'link'))).toBe(join(real, 'real'));
    expect(fs.realPath(join(dir, 'link', 'missing', 'x.yaml'))).toBe(join(real, 'real', 'missing', 'x.yaml'));
  });
});
