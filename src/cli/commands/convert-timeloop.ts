import { writeFileSync } from 'node:fs';
import { convertTimeloopFiles, formatLocation, renderReportMarkdown } from '../../engine/timeloop/index.js';
import { parseCommand, stringList, UsageError } from '../args.js';
import { printErrors } from '../format.js';
import { confinedDisk } from '../spec-input.js';
import type { CommandRunner } from './command.js';

export const convertTimeloopCommand: CommandRunner = {
  async run(args, usage) {
    const { positionals, values } = parseCommand(args, {
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
      'allow-read': { type: 'string', multiple: true },
    });
    if (positionals.length === 0) throw new UsageError(`no Timeloop files given\n${usage}`);
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (!output) throw new UsageError(`no output file given (-o out.yaml)\n${usage}`);
    const result = convertTimeloopFiles(confinedDisk(positionals, stringList(values['allow-read'])).fs, positionals);
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    const { yaml, report } = result.value;
    writeFileSync(output, yaml);
    if (typeof values.report === 'string') writeFileSync(values.report, renderReportMarkdown(report));
    const lost = report.items.filter((i) => i.kind !== 'converted');
    process.stdout.write(`wrote ${output} (Timeloop ${report.format}); ${lost.length} feature(s) dropped or approximated\n`);
    for (const item of lost) process.stdout.write(`  ${formatLocation(item)}: ${item.kind}: ${item.feature}: ${item.reason}\n`);
    return 0;
  },
};
