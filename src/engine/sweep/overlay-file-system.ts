/** A file system that adds in-memory files on top of another (for the sweep's overridden spec sections). */
import { FileNotFound, type FileSystem } from '../io/file-system.js';
import { normalizePath, resolvePath } from '../io/paths.js';

export class OverlayFileSystem implements FileSystem {
  private readonly files: ReadonlyMap<string, string>;

  constructor(private readonly base: FileSystem, files: Readonly<Record<string, string>>) {
    this.files = new Map(Object.entries(files).map(([path, text]) => [this.absolute(path), text]));
  }

  readText(path: string): string {
    const text = this.files.get(this.absolute(path));
    if (text !== undefined) return text;
    if (!this.base.exists(path)) throw new FileNotFound(path);
    return this.base.readText(path);
  }

  exists(path: string): boolean {
    return this.files.has(this.absolute(path)) || this.base.exists(path);
  }

  isDirectory(path: string): boolean {
    return this.base.isDirectory(path);
  }

  list(dir: string): string[] {
    return this.base.list(dir);
  }

  realPath(path: string): string {
    return this.files.has(this.absolute(path)) ? this.absolute(path) : this.base.realPath(path);
  }

  cwd(): string {
    return this.base.cwd();
  }

  private absolute(path: string): string {
    return normalizePath(resolvePath(this.base.cwd(), path));
  }
}
