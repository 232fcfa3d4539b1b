import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { FileNotFound, type FileSystem } from '../engine/io/file-system.js';

/** The real disk, for the CLI and tests. */
export class NodeFileSystem implements FileSystem {
  readText(path: string): string {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      throw new FileNotFound(path);
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

  realPath(path: string): string {
    try {
      return fs.realpathSync(path);
    } catch {
      return nodePath.resolve(path);
    }
  }

  cwd(): string {
    return process.cwd();
  }
}
