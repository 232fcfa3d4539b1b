import type { Problem } from './model.js';
import type { PlainMap } from './source.js';

/** AccelForge `workload:` for the converted problem. */
export function emitWorkload(problem: Problem, bitsPerValue: number): PlainMap {
  const shape: PlainMap = {};
  for (const d of problem.dims) shape[d.variable] = `0 <= ${d.variable} < ${d.bound}`;
  const accesses = problem.tensors.map((t) => {
    const projection = t.simple ? t.ranks.map((r) => r.expr) : Object.fromEntries(t.ranks.map((r) => [r.rank, r.expr]));
    const access: PlainMap = { name: t.name, projection };
    if (t.output) access['output'] = true;
    return access;
  });
  return {
    iteration_space_shape: shape,
    bits_per_value: { All: bitsPerValue },
    einsums: [{ name: problem.einsum, tensor_accesses: accesses }],
  };
}
