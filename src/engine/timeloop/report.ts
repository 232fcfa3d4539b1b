/** How much of a Timeloop feature survived the conversion. */
export type ReportKind = 'dropped' | 'approximated' | 'converted';

/** One feature that was dropped or approximated, with where it was written. */
export interface ReportItem {
  kind: ReportKind;
  /** Short feature name, e.g. `sparse_optimizations` or `attribute multiple_buffering`. */
  feature: string;
  reason: string;
  file?: string;
  line?: number;
  col?: number;
}

/** Everything the converter could not carry over exactly. */
export interface ConversionReport {
  /** Detected input format: `v0.4`, `v0.3` or `v0.4-processed` (v0.3-shaped, dumped by timeloopfe). */
  format: string;
  items: ReportItem[];
}

/** Position of a report item as `file:line:col` (or what is known of it). */
export function formatLocation(item: ReportItem): string {
  if (!item.file) return '(generated)';
  if (item.line === undefined) return item.file;
  return `${item.file}:${item.line}:${item.col ?? 1}`;
}

/** Markdown rendering of a conversion report. */
export function renderReportMarkdown(report: ConversionReport): string {
  const lines = ['# Timeloop conversion report', '', `Input format: ${report.format}`, ''];
  const sections: [ReportKind, string][] = [
    ['dropped', 'Dropped (no AccelForge counterpart)'],
    ['approximated', 'Approximated'],
    ['converted', 'Notes'],
  ];
  for (const [kind, title] of sections) {
    const items = report.items.filter((i) => i.kind === kind);
    lines.push(`## ${title}`, '');
    if (items.length === 0) {
      lines.push('None.', '');
      continue;
    }
    lines.push('| location | feature | reason |', '|---|---|---|');
    for (const item of items) lines.push(`| ${formatLocation(item)} | ${escapeCell(item.feature)} | ${escapeCell(item.reason)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
