import { componentCosts, type ComponentsJson } from '../../engine/index.js';
import { parseCommand, parseSetValues, stringList, UsageError } from '../args.js';
import { NodeFileSystem } from '../node-file-system.js';
import { printErrors } from '../format.js';
import { formatSI } from '../format-results.js';
import type { Command } from './command.js';

export const componentsCommand: Command = {
  summary: 'area, leak power and per-action energy, latency and throughput of each component',
  usage: 'usage: npm run cli -- components <spec files> [--set KEY=VALUE ...] [--einsum NAME] [--json]',
  async run(args) {
    const { positionals, values } = parseCommand(args, {
      set: { type: 'string', multiple: true },
      einsum: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length === 0) throw new UsageError(`no spec files given\n${this.usage}`);
    const einsum = typeof values.einsum === 'string' ? values.einsum : undefined;
    const result = componentCosts(
      { fs: new NodeFileSystem(), specFiles: positionals, variables: parseSetValues(stringList(values.set)) },
      einsum === undefined ? {} : { einsum },
    );
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    process.stdout.write(values.json ? `${JSON.stringify(result.value)}\n` : formatComponents(result.value));
    return 0;
  },
};

function formatComponents(report: ComponentsJson): string {
  const lines: string[] = [];
  for (const [name, component] of Object.entries(report)) {
    const area = component.area === null ? '-' : formatSI(component.area, 'm²');
    lines.push(`${name}: area ${area}, leak ${formatSI(component.leak_power, 'W')}`);
    for (const [action, cost] of Object.entries(component.actions)) {
      lines.push(`  ${action.padEnd(10)} ${formatSI(cost.energy, 'J').padStart(12)}  ${formatSI(cost.throughput, '/s').padStart(12)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
