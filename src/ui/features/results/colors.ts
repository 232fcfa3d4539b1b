/** One colour per tensor (and per series) shared by the charts and the LoopTree. */

const PALETTE = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b',
  '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#ad494a',
];

/** The colour of `name` given the ordered list of all names of its kind. */
export function seriesColor(name: string, order: readonly string[]): string {
  const at = order.indexOf(name);
  return PALETTE[(at < 0 ? order.length : at) % PALETTE.length]!;
}
