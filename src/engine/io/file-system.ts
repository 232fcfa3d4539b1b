/**
 * The only way the engine touches files. Paths are POSIX-style strings; the Node implementation
 * lives in src/cli, the in-memory one here (used by the browser and by tests).
 */
export interface FileSystem {
  /** Text of a file; throws FileNotFound when it does not exist. */
  readText(path: string): string;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Names (not paths) of the entries of a directory, sorted. */
  list(dir: string): string[];
  /** Canonical absolute form of a path (symlinks resolved where the platform has them). */
  realPath(path: string): string;
  /** Absolute directory that relative command-line paths start from. */
  cwd(): string;
}

export class FileNotFound extends Error {
  constructor(readonly path: string) {
    super(`File not found: ${path}`);
    this.name = 'FileNotFound';
  }
}

/**
 * A read the file system will not do: outside the design's folders, too large, or not a regular
 * file. The loader turns it into a positioned SpecError.
 */
export class FileRefused extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}
