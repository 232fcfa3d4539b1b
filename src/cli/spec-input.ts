/** What every spec-reading verb shares: its files, `--set` variables and the folders it may read. */
import { ConfinedFileSystem, designRoots } from '../engine/io/confined-file-system.js';
import type { FileSystem } from '../engine/io/file-system.js';
import { parseCommand, parseSetValues, stringList, UsageError, type OptionSpec, type ParsedCommand } from './args.js';
import { NodeFileSystem } from './node-file-system.js';

/** The options every verb that reads a spec takes. */
export const SPEC_OPTIONS = {
  set: { type: 'string', multiple: true },
  'allow-read': { type: 'string', multiple: true },
} as const satisfies OptionSpec;

export interface CliSpecInput {
  /** The disk, confined to `roots`. */
  readonly fs: FileSystem;
  readonly specFiles: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
  /** Real paths of the folders the design may read (for worker threads, which build their own). */
  readonly roots: readonly string[];
}

/**
 * The disk as a design may see it: the common folder of `files`, the working directory, and the
 * folders given with `--allow-read`.
 */
export function confinedDisk(files: readonly string[], allowRead: readonly string[]): { fs: FileSystem; roots: string[] } {
  const disk = new NodeFileSystem();
  const roots = designRoots(disk, files, allowRead);
  return { fs: new ConfinedFileSystem(disk, roots), roots };
}

/** Parses a spec verb's arguments (SPEC_OPTIONS plus `extra`) and opens its files. */
export function parseSpecCommand(args: string[], extra: OptionSpec, usage: string): ParsedCommand & { input: CliSpecInput } {
  const parsed = parseCommand(args, { ...SPEC_OPTIONS, ...extra });
  if (parsed.positionals.length === 0) throw new UsageError(`no spec files given\n${usage}`);
  const { fs, roots } = confinedDisk(parsed.positionals, stringList(parsed.values['allow-read']));
  const variables = parseSetValues(stringList(parsed.values.set));
  return { ...parsed, input: { fs, specFiles: parsed.positionals, variables, roots } };
}
