import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command-line problem: printed as one line, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** Parses one verb's arguments; unknown flags are usage errors with the known ones listed. */
export function parseCommand(args: string[], options: OptionSpec): ParsedCommand {
  try {
    const { positionals, values } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedCommand['values'] };
  } catch (error) {
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(', ');
    throw new UsageError(`${(error as Error).message}. Known options: ${known}`);
  }
}

/** `--set KEY=VALUE`: the value is JSON when it parses as JSON, else the raw string. */
export function parseSetValues(entries: readonly string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set expects KEY=VALUE, got '${entry}'`);
    const key = entry.slice(0, eq).trim();
    data[key] = parseSetValue(entry.slice(eq + 1));
  }
  return data;
}

function parseSetValue(text: string): unknown {
  const pythonLiterals: Record<string, unknown> = { True: true, False: false, None: null };
  if (text in pythonLiterals) return pythonLiterals[text];
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function stringList(value: ParsedCommand['values'][string]): string[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return Array.isArray(value) ? value : [value];
}
