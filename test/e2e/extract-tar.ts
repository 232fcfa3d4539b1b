/** Unpacks the tar archives inside the bundled-browser package (folders and regular files only). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

const BLOCK = 512;

/** Writes every entry of an uncompressed tar archive under `destDir`; other entry kinds are refused by name. */
export function extractTar(archive: Buffer, destDir: string): void {
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return;
    const name = readEntryName(header);
    const size = readOctal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const bodyStart = offset + BLOCK;
    if (bodyStart + size > archive.length) throw new Error(`tar entry ${name} is cut short (archive corrupt)`);
    const target = resolveInside(destDir, name);
    if (type === '5') {
      mkdirSync(target, { recursive: true });
    } else if (type === '0' || type === '\0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(bodyStart, bodyStart + size), { mode: readOctal(header, 100, 8) & 0o777 });
    } else {
      throw new Error(`tar entry ${name} has type '${type}'; only folders and regular files are supported`);
    }
    offset = bodyStart + Math.ceil(size / BLOCK) * BLOCK;
  }
}

function readEntryName(header: Buffer): string {
  const name = readString(header, 0, 100);
  // Only POSIX ustar (magic "ustar\0") puts a path prefix at 345; GNU tar ("ustar  ") keeps other fields there.
  const prefix = readString(header, 257, 6) === 'ustar' ? readString(header, 345, 155) : '';
  return prefix === '' ? name : `${prefix}/${name}`;
}

function readString(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(header: Buffer, start: number, length: number): number {
  const text = readString(header, start, length).trim();
  const value = text === '' ? 0 : parseInt(text, 8);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`tar header field at ${start} is not an octal number: '${text}'`);
  return value;
}

/** Refuses absolute names and `..` so an entry can only land inside `destDir`. */
function resolveInside(destDir: string, name: string): string {
  const relative = normalize(name);
  if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new Error(`tar entry ${name} points outside the folder it is unpacked into`);
  }
  return join(destDir, relative);
}
