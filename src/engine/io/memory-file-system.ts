import { FileNotFound, type FileSystem } from './file-system.js';
import { normalizePath, resolvePath } from './paths.js';

/** Files held in memory: the browser's bundled examples and the user's edits, and test fixtures. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}, private readonly workingDir = '/') {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.files.set(this.absolute(path), text);
  }

  remove(path: string): void {
    this.files.delete(this.absolute(path));
  }

  readText(path: string): string {
    const text = this.files.get(this.absolute(path));
    if (text === undefined) throw new FileNotFound(path);
    return text;
  }

  exists(path: string): boolean {
    return this.files.has(this.absolute(path)) || this.isDirectory(path);
  }

  isDirectory(path: string): boolean {
    const prefix = this.absolute(path).replace(/\/?$/, '/');
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return true;
    return false;
  }

  list(dir: string): string[] {
    const prefix = this.absolute(dir).replace(/\/?$/, '/');
    const names = new Set<string>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const name = file.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    return [...names].sort();
  }

  realPath(path: string): string {
    return this.absolute(path);
  }

  cwd(): string {
    return this.workingDir;
  }

  /** Every file path, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  private absolute(path: string): string {
    return normalizePath(resolvePath(this.workingDir, path));
  }
}
