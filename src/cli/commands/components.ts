import { componentCosts, type ComponentsJson } from '../../engine/index.js';
import { printErrors } from '../format.js';
import { formatSI } from '../format-results.js';
import { writeJson } from '../json-output.js';
import { parseSpecCommand } from '../spec-input.js';
import type { CommandRunner } from './command.js';

export const componentsCommand: CommandRunner = {
  async run(args, usage) {
    const { values, input } = parseSpecCommand(
      args,
      { einsum: { type: 'string' }, json: { type: 'boolean', default: false } },
      usage,
    );
    const einsum = typeof values.einsum === 'string' ? values.einsum : undefined;
    const result = componentCosts(input, einsum === undefined ? {} : { einsum });
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    if (values.json) return writeJson(result.value);
    process.stdout.write(formatComponents(result.value));
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
