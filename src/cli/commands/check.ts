import { checkSpec } from '../../engine/index.js';
import { formatCheckSummary, printErrors } from '../format.js';
import { parseSpecCommand, SPEC_USAGE } from '../spec-input.js';
import type { Command } from './command.js';

export const checkCommand: Command = {
  summary: 'load and validate a spec; print its Einsums and flattened architecture paths',
  usage: `usage: accelforge-web check <spec files...> ${SPEC_USAGE}`,
  async run(args) {
    const { input } = parseSpecCommand(args, {}, this.usage);
    const result = checkSpec(input);
    if (result.errors.length > 0) {
      printErrors(result.errors);
      return 1;
    }
    process.stdout.write(formatCheckSummary(result));
    return 0;
  },
};
