import { checkSpec } from '../../engine/index.js';
import { parseCommand, parseSetValues, stringList, UsageError } from '../args.js';
import { NodeFileSystem } from '../node-file-system.js';
import { formatCheckSummary, printErrors } from '../format.js';
import type { Command } from './command.js';

export const checkCommand: Command = {
  summary: 'load and validate a spec; print its Einsums and flattened architecture paths',
  usage: 'usage: npm run cli -- check <spec files...> [--set KEY=VALUE ...]',
  async run(args) {
    const { positionals, values } = parseCommand(args, { set: { type: 'string', multiple: true } });
    if (positionals.length === 0) throw new UsageError(`no spec files given\n${this.usage}`);
    const result = checkSpec({
      fs: new NodeFileSystem(),
      specFiles: positionals,
      variables: parseSetValues(stringList(values.set)),
    });
    if (result.errors.length > 0) {
      printErrors(result.errors);
      return 1;
    }
    process.stdout.write(formatCheckSummary(result));
    return 0;
  },
};
