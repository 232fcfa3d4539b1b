import { formatSpecError, type SpecError } from '../engine/base/errors.js';
import type { CheckResult } from '../engine/api.js';

export function printErrors(errors: readonly SpecError[]): void {
  for (const error of errors) process.stderr.write(`${formatSpecError(error)}\n`);
  const n = errors.length;
  process.stderr.write(`${n} error${n === 1 ? '' : 's'}\n`);
}

/** Integers with thousands separators; others in compact engineering notation. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toLocaleString('en-US');
  return value.toPrecision(6);
}

export function formatCheckSummary(result: CheckResult): string {
  const lines: string[] = [`Einsums (${result.einsums.length}):`];
  for (const einsum of result.einsums) {
    const bounds = Object.entries(einsum.rankVariableBounds)
      .map(([v, b]) => `${v}=${b}`)
      .join(' ');
    lines.push(`  ${einsum.name}: ${formatCount(einsum.macs)} MACs; rank variables ${bounds}`);
    for (const [tensor, size] of Object.entries(einsum.tensorSizes)) {
      lines.push(`    ${tensor.padEnd(16)} ${formatCount(size)} values`);
    }
  }
  lines.push('', `Architecture paths (${result.archPaths.length}):`);
  for (const path of result.archPaths) {
    const nodes = path.nodes.map((n) => (n.fanout > 1 ? `${n.name}[${n.kind}, ×${n.fanout}]` : `${n.name}[${n.kind}]`));
    lines.push(`  ${path.einsum} on ${path.compute}: ${nodes.join(' → ')}`);
  }
  return `${lines.join('\n')}\n`;
}
