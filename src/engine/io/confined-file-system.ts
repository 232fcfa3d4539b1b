/**
 * A FileSystem that only answers inside a design's folders, so a spec cannot read (or learn the
 * existence of) anything else on the host. Every path is resolved to its real path first, so `..`
 * and symlinks that leave the folders are refused like absolute paths outside them.
 */
import { FileRefused, type FileSystem } from './file-system.js';
import { dirname, hasGlobMagic, resolvePath } from './paths.js';

export interface ConfinementOptions {
  /** How the user widens the folders, for the error message (the CLI's flag). */
  readonly widenWith?: string;
}

export class ConfinedFileSystem implements FileSystem {
  /** Real absolute paths of the folders the design may read. */
  readonly roots: readonly string[];
  private readonly widenWith: string;

  constructor(
    private readonly inner: FileSystem,
    roots: readonly string[],
    options: ConfinementOptions = {},
  ) {
    this.roots = [...new Set(roots.map((root) => inner.realPath(resolvePath(inner.cwd(), root))))];
    this.widenWith = options.widenWith ?? '--allow-read DIR';
  }

  readText(path: string): string {
    return this.inner.readText(this.allowed(path));
  }

  exists(path: string): boolean {
    return this.inner.exists(this.allowed(path));
  }

  isDirectory(path: string): boolean {
    return this.inner.isDirectory(this.allowed(path));
  }

  list(dir: string): string[] {
    return this.inner.list(this.allowed(dir));
  }

  realPath(path: string): string {
    return this.allowed(path);
  }

  cwd(): string {
    return this.inner.cwd();
  }

  /** The real path of `path` when it lies inside a root; refuses it otherwise. */
  private allowed(path: string): string {
    const real = this.inner.realPath(resolvePath(this.inner.cwd(), path));
    if (this.roots.some((root) => isInside(real, root))) return real;
    const shown = real === path ? path : `${path} (${real})`;
    throw new FileRefused(
      path,
      `${shown} is outside the design's folders (${this.roots.join(', ')}); pass ${this.widenWith} to allow it`,
      `A design reads only files under the folder of its spec files and the working directory. If you trust this spec, add ${this.widenWith} for the folder it needs.`,
    );
  }
}

export function isInside(path: string, root: string): boolean {
  if (root === '/') return true;
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/**
 * The folders a design may read: the common folder of its spec files, the working directory and
 * any folders the user allowed explicitly, plus the named spec files themselves. The filesystem
 * root is never implied (only an explicit allow grants it): spec files with no common folder
 * below `/` each get their own folder.
 */
export function designRoots(fs: FileSystem, specFiles: readonly string[], allowed: readonly string[] = []): string[] {
  const absolute = specFiles.map((file) => resolvePath(fs.cwd(), file));
  const folders = absolute.map((file) => fs.realPath(staticPrefixFolder(file)));
  const common = commonFolder(folders);
  const implied = common !== '/' ? [common] : folders.filter((folder) => folder !== '/');
  // A named file is readable even when it is a symlink to elsewhere: the user chose it.
  const named = absolute
    .filter((file) => !hasGlobMagic(file))
    .map((file) => fs.realPath(file))
    .filter((real) => !implied.some((folder) => isInside(real, folder)));
  const cwd = fs.realPath(fs.cwd());
  const explicit = allowed.map((dir) => fs.realPath(resolvePath(fs.cwd(), dir)));
  return [...new Set([...implied, ...named, ...(cwd === '/' ? [] : [cwd]), ...explicit])];
}

/** The folder holding a file pattern: its parent, above the first glob segment. */
function staticPrefixFolder(pattern: string): string {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex(hasGlobMagic);
  return firstMagic < 0 ? dirname(pattern) : segments.slice(0, firstMagic).join('/') || '/';
}

function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return '/';
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (!isInside(folder, common)) common = dirname(common);
  }
  return common;
}
