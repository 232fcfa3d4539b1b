import { evaluateSpecMapping } from '../../engine/index.js';
import { printErrors } from '../format.js';
import { formatEvaluation } from '../format-results.js';
import { writeJson } from '../json-output.js';
import { parseSpecCommand, SPEC_USAGE } from '../spec-input.js';
import type { Command } from './command.js';

export const evaluateCommand: Command = {
  summary: "run the analytical model on the spec's mapping; print energy, latency and breakdowns",
  usage: `usage: accelforge-web evaluate <spec files, one holding mapping:> ${SPEC_USAGE} [--json]`,
  async run(args) {
    const { values, input } = parseSpecCommand(args, { json: { type: 'boolean', default: false } }, this.usage);
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
