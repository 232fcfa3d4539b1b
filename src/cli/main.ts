#!/usr/bin/env node
import { FileRefused } from '../engine/io/file-system.js';
import { UsageError } from './args.js';
import { COMMANDS, runVerb } from './commands/index.js';

const USAGE = `AccelForge Web command line

usage: accelforge-web <verb> [options]   (from a checkout: npm run cli -- <verb> [options])

verbs:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(17)} ${command.summary}`)
  .join('\n')}

Run 'accelforge-web <verb> --help' for a verb's options.`;

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return verb ? 0 : 2;
  }
  const command = COMMANDS[verb];
  if (!command) throw new UsageError(`unknown verb '${verb}'. Verbs: ${Object.keys(COMMANDS).join(', ')}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return runVerb(verb, rest);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // A read refused outside the loader (e.g. a Timeloop file that is a device or too large).
    if (error instanceof FileRefused) {
      process.stderr.write(`error: ${error.message}\n  hint: ${error.hint}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.stderr.write('This is a bug in AccelForge Web; please report it with the spec that caused it.\n');
    process.exitCode = 3;
  },
);
