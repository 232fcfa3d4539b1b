import { evaluateSpecMapping } from '../../engine/index.js';
import { parseCommand, parseSetValues, stringList, UsageError } from '../args.js';
import { NodeFileSystem } from '../node-file-system.js';
import { printErrors } from '../format.js';
import { formatEvaluation } from '../format-results.js';
import type { Command } from './command.js';

export const evaluateCommand: Command = {
  summary: "run the analytical model on the spec's mapping; print energy, latency and breakdowns",
  usage: 'usage: npm run cli -- evaluate <spec files, one holding mapping:> [--set KEY=VALUE ...] [--json]',
  async run(args) {
    const { positionals, values } = parseCommand(args, {
      set: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length === 0) throw new UsageError(`no spec files given\n${this.usage}`);
    const result = evaluateSpecMapping({
      fs: new NodeFileSystem(),
      specFiles: positionals,
      variables: parseSetValues(stringList(values.set)),
    });
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    const json = result.value.result.toCliJson();
    process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : formatEvaluation(json));
    return 0;
  },
};
