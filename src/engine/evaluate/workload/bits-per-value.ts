/** Bits per value of each tensor access (docs/spec-format.md §5.6). */
import { failWith, type SpecPath } from '../../base/errors.js';
import { castLiteral, evaluateSetKeyedDict, type Scope } from '../../spec/expr/index.js';
import type { Spec } from '../../spec/schema/spec.js';
import { atField, checkRange } from '../fields.js';

const WORKLOAD_BITS_PATH: SpecPath = ['workload', 'bits_per_value'];

/** Tensor → bits per value for one Einsum: the access's own value wins over the workload's keys. */
export function resolveBitsPerValue(spec: Spec, einsumIndex: number, scope: Scope): Map<string, number> {
  const einsum = spec.workload.einsums[einsumIndex]!;
  const byKey = atField(WORKLOAD_BITS_PATH, () =>
    evaluateSetKeyedDict(spec.workload.bits_per_value, scope, { field: 'bits_per_value' }),
  );
  const result = new Map<string, number>();
  einsum.tensor_accesses.forEach((access, k) => {
    const own = access.bits_per_value;
    const raw = own ?? byKey.get(access.name);
    const path: SpecPath = own === null ? workloadBitsPath(spec, raw) : ['workload', 'einsums', einsumIndex, 'tensor_accesses', k, 'bits_per_value'];
    if (raw === undefined) {
      failWith('workload', `Tensor ${access.name} of Einsum ${einsum.name} does not have a bits per value specified.`, {
        path,
        hint: `Add a key matching it to workload.bits_per_value (e.g. \`{All: 8}\` or \`{${access.name}: 8, Other: 8}\`), or set bits_per_value on the tensor access.`,
      });
    }
    result.set(access.name, literalBits(raw, path));
  });
  return result;
}

/** The workload.bits_per_value entry holding `raw`, so an error points at the value itself. */
function workloadBitsPath(spec: Spec, raw: number | string | undefined): SpecPath {
  const key = Object.entries(spec.workload.bits_per_value).find(([, value]) => value === raw)?.[0];
  return key === undefined ? WORKLOAD_BITS_PATH : [...WORKLOAD_BITS_PATH, key];
}

function literalBits(raw: number | string, path: SpecPath): number {
  const cast = castLiteral(raw);
  if (cast.kind === 'cast' && typeof cast.value === 'number') return checkRange(raw, cast.value, path, 'bits_per_value');
  return failWith('workload', `bits_per_value must be a literal number, got \`${String(raw)}\`.`, {
    path,
    hint: 'workload.bits_per_value values are not evaluated; write a number such as 8.',
  });
}

/** A tensor must have one bits-per-value across the workload. */
export function checkConsistentBits(perEinsum: readonly { einsum: string; bits: ReadonlyMap<string, number> }[]): Map<string, number> {
  const seen = new Map<string, { bits: number; einsum: string }>();
  for (const { einsum, bits } of perEinsum) {
    for (const [tensor, value] of bits) {
      const first = seen.get(tensor);
      if (!first) seen.set(tensor, { bits: value, einsum });
      else if (first.bits !== value) {
        failWith('workload', `Tensor ${tensor} has ${first.bits} bits per value in ${first.einsum} but ${value} in ${einsum}.`, {
          path: WORKLOAD_BITS_PATH,
          hint: 'A tensor must have the same bits per value in every Einsum that uses it.',
        });
      }
    }
  }
  return new Map([...seen].map(([tensor, { bits }]) => [tensor, bits]));
}
