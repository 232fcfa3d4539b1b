/** State shared by every file loaded in one loadSpecFiles call. */
import type { FileSystem } from '../../io/file-system.js';
import { SourceIndex } from '../source-index.js';
import type { JinjaVariableScan } from './jinja-variables.js';

export class LoadSession {
  readonly sources = new SourceIndex();
  /** Displayed file name by marker id. */
  readonly fileNames: string[] = [];
  /** Absolute paths of the files being loaded, outermost first (cycle detection). */
  readonly stack: string[] = [];
  /** Every file read, absolute, in first-read order. */
  readonly dependencies: string[] = [];
  readonly variableScans: JinjaVariableScan[] = [];
  /** Characters read so far, every read counted (the loader caps the total). */
  charsRead = 0;
  /** Files loaded by include()/include_all()/include_text() so far (see include-budget). */
  includesLoaded = 0;
  private readonly ids = new Map<string, number>();

  constructor(readonly fs: FileSystem) {}

  /** Marker id of a file; the first registration fixes its displayed name. */
  fileId(absolute: string, display?: string): number {
    const known = this.ids.get(absolute);
    if (known !== undefined) return known;
    const id = this.fileNames.length;
    this.fileNames.push(display ?? this.displayName(absolute));
    this.ids.set(absolute, id);
    if (!this.dependencies.includes(absolute)) this.dependencies.push(absolute);
    return id;
  }

  nameOf(absolute: string): string {
    return this.fileNames[this.fileId(absolute)]!;
  }

  /** Paths under the working directory are shown relative to it. */
  displayName(absolute: string): string {
    const cwd = this.fs.cwd().replace(/\/?$/, '/');
    return absolute.startsWith(cwd) ? absolute.slice(cwd.length) : absolute;
  }
}
