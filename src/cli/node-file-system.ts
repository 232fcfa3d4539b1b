import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { FileNotFound, FileRefused, type FileSystem } from '../engine/io/file-system.js';

/** Largest spec file read (a spec is text; anything bigger is a mistake or an attack). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const CHUNK_BYTES = 1024 * 1024;
// Non-blocking, so opening a FIFO returns at once and fstat can refuse it.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export interface NodeFileSystemOptions {
  readonly maxFileBytes?: number;
}

/** The real disk, for the CLI and tests. Reads only regular files, up to a size cap. */
export class NodeFileSystem implements FileSystem {
  private readonly maxFileBytes: number;

  constructor(options: NodeFileSystemOptions = {}) {
    this.maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  }

  readText(path: string): string {
    const fd = openForReading(path);
    try {
      refuseIfNotRegular(path, fs.fstatSync(fd));
      return readCapped(path, fd, this.maxFileBytes);
    } finally {
      fs.closeSync(fd);
    }
  }

  exists(path: string): boolean {
    return fs.existsSync(path);
  }

  isDirectory(path: string): boolean {
    try {
      return fs.statSync(path).isDirectory();
    } catch {
      return false;
    }
  }

  list(dir: string): string[] {
    try {
      return fs.readdirSync(dir).sort();
    } catch {
      return [];
    }
  }

  /** Symlinks resolved; for a missing path, those of its deepest existing ancestor. */
  realPath(path: string): string {
    const absolute = nodePath.resolve(path);
    try {
      return fs.realpathSync(absolute);
    } catch {
      const parent = nodePath.dirname(absolute);
      return parent === absolute ? absolute : nodePath.join(this.realPath(parent), nodePath.basename(absolute));
    }
  }

  cwd(): string {
    return process.cwd();
  }
}

function openForReading(path: string): number {
  try {
    return fs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A UNIX socket cannot be opened at all.
    if (code === 'ENXIO') throw notRegular(path, 'a socket or device');
    if (code === 'EACCES' || code === 'EPERM') throw new FileRefused(path, `${path} cannot be read: permission denied`, 'Check the file permissions.');
    throw new FileNotFound(path);
  }
}

function refuseIfNotRegular(path: string, stat: fs.Stats): void {
  if (stat.isFile()) return;
  const kind = stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a FIFO (named pipe)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  throw notRegular(path, kind);
}

function notRegular(path: string, kind: string): FileRefused {
  return new FileRefused(path, `${path} is ${kind}, not a regular file; only regular files are read`, 'Name a spec file (YAML text) here.');
}

function tooLarge(path: string, maxBytes: number): FileRefused {
  const mib = maxBytes / (1024 * 1024);
  return new FileRefused(path, `${path} is larger than ${mib} MiB, the most a spec file may hold`, 'Spec files are text; split the data or check that the right file is named.');
}

/** Reads at most `maxBytes`; the size is checked before reading and again while reading (it may grow). */
function readCapped(path: string, fd: number, maxBytes: number): string {
  if (fs.fstatSync(fd).size > maxBytes) throw tooLarge(path, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const read = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null);
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
    chunks.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
