/**
 * The Einsums' data flow: every Einsum writes a tensor, and none depends on its own output
 * through the tensors it reads (it could never run).
 */
import { failWith } from '../../base/errors.js';
import type { Spec } from '../../spec/schema/spec.js';

interface Read {
  readonly reader: number;
  readonly access: number;
  readonly tensor: string;
  readonly writer: number;
}

/** The first Einsum that writes each tensor. */
function writers(spec: Spec): Map<string, number> {
  const out = new Map<string, number>();
  spec.workload.einsums.forEach((einsum, i) => {
    for (const access of einsum.tensor_accesses) if (access.output && !out.has(access.name)) out.set(access.name, i);
  });
  return out;
}

/** Every read of a tensor written by another Einsum. */
function readsOfWritten(spec: Spec): Read[] {
  const writer = writers(spec);
  return spec.workload.einsums.flatMap((einsum, reader) =>
    einsum.tensor_accesses.flatMap((access, k): Read[] => {
      const w = writer.get(access.name);
      return !access.output && w !== undefined && w !== reader ? [{ reader, access: k, tensor: access.name, writer: w }] : [];
    }),
  );
}

/** A chain of reads from `from` back to `to` through earlier-listed writers, if there is one. */
function chainBack(reads: readonly Read[], from: number, to: number): Read[] | undefined {
  const seen = new Set<number>();
  const walk = (einsum: number): Read[] | undefined => {
    if (einsum === to) return [];
    if (seen.has(einsum)) return undefined;
    seen.add(einsum);
    for (const read of reads.filter((r) => r.reader === einsum)) {
      const rest = walk(read.writer);
      if (rest) return [read, ...rest];
    }
    return undefined;
  };
  return walk(from);
}

/** No Einsum may depend on itself through the tensors it reads. */
export function checkNoCycles(spec: Spec): void {
  const reads = readsOfWritten(spec);
  for (const read of reads) {
    const back = chainBack(reads, read.writer, read.reader);
    if (!back) continue;
    const name = (i: number) => spec.workload.einsums[i]!.name;
    const steps = [read, ...back].map((r) => `${name(r.reader)} reads ${r.tensor} from ${name(r.writer)}`);
    failWith('workload', `The Einsums form a cycle: ${steps.join(', ')}.`, {
      path: ['workload', 'einsums', read.reader, 'tensor_accesses', read.access],
      hint: 'Each tensor must be computed before it is read; break the cycle by renaming one of these tensors.',
    });
  }
}

/** An Einsum that writes nothing computes nothing any later stage could use or count. */
export function checkOutputs(spec: Spec): void {
  spec.workload.einsums.forEach((einsum, i) => {
    if (einsum.tensor_accesses.some((access) => access.output)) return;
    failWith('workload', `Einsum ${einsum.name} has no output tensor.`, {
      path: ['workload', 'einsums', i],
      hint: 'Mark the tensor it writes with `output: True` (or write it left of `=` in the einsum string).',
    });
  });
}
