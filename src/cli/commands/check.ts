import { checkSpec } from '../../engine/index.js';
import { formatCheckSummary, printErrors } from '../format.js';
import { parseSpecCommand } from '../spec-input.js';
import type { CommandRunner } from './command.js';

export const checkCommand: CommandRunner = {
  async run(args, usage) {
    const { input } = parseSpecCommand(args, {}, usage);
    const result = checkSpec(input);
    if (result.errors.length > 0) {
      printErrors(result.errors);
      return 1;
    }
    process.stdout.write(formatCheckSummary(result));
    return 0;
  },
};
