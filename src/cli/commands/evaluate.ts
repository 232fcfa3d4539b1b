import { evaluateSpecMapping } from '../../engine/index.js';
import { printErrors } from '../format.js';
import { formatEvaluation } from '../format-results.js';
import { writeJson } from '../json-output.js';
import { parseSpecCommand } from '../spec-input.js';
import type { CommandRunner } from './command.js';

export const evaluateCommand: CommandRunner = {
  async run(args, usage) {
    const { values, input } = parseSpecCommand(args, { json: { type: 'boolean', default: false } }, usage);
    const result = evaluateSpecMapping(input);
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    const json = result.value.result.toCliJson();
    if (values.json) return writeJson(json);
    process.stdout.write(formatEvaluation(json));
    return 0;
  },
};
