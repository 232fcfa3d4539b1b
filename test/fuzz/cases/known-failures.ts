/**
 * Cases that fail on the current tree, each with the cause that must be fixed (issue 13). They
 * run as `it.fails`: when a fix lands the case passes, its `it.fails` fails, and the entry must
 * be removed here. Never add a case here to hide a regression; the cause must name the fix.
 * `FUZZ_STRICT=1 npx vitest run test/fuzz/` runs them as plain tests to see what is still open.
 */
const PROTO_KEY_HINT = "E: yaml-to-raw.ts refuses a '__proto__' key with a clear, positioned error but no hint";
const RANGE_POSITIONS = 'E: range errors are placed at the enclosing node, not the value (a bits_per_value entry at its flow mapping; a rank bound at the Einsum that uses it)';
const YAML_INF = 'E: the schema rejects YAML .inf for size and throughput (zod numbers refuse Infinity) though plain inf is accepted';
const OVERFLOW = 'E: finite inputs whose total overflows (energy 1e308 x 128 computes) give an infinite energy instead of an error';
const SET_EXPRESSIONS =
  'E: check now reports bad keep/may_keep set expressions, but evaluate (spec with its own mapping) still accepts them; a typo passes evaluate and fails only map';
const MAPPING_EINSUM_TYPO =
  "E: the new mapping-coverage check runs first, so a typo'd `einsum: Matmul7` is reported as 'Matmul0 left out' at the mapping root, not as an unknown Einsum at the typo";
const TAG_POSITION = 'E: a tag on a scalar (size: !Memory inf) is blamed on the value, not the tag';
const MAPPER_RANGES = 'E: the range table does not cover mapper settings (time_limit -1, memory_limit -5, max_fused_loops -1 or 1.5 pass check)';
const INCLUDE_BUDGET =
  'A/B: includes are not budgeted: include() in a loop of 2000, or a 20-level fan-out of two includes each, re-reads and re-renders files for minutes (the 1,000,000-tag budget does not bound it)';
const SWEEP_VALUES = 'B: a sweep value that overflows to Infinity (M=1e400) is accepted and fails later as "no bound"';
const TILE_SHAPES = 'NEW (unowned): a mapping tile_shape that is fractional (0.5) or beyond the rank size (1e300) is reported as "missing loop with tile_shape 1" at the Compute';
const ACTION_NAMES =
  "NEW (unowned): check does not cost components, so a misnamed Compute action ('frobnicate') passes check; evaluate then says 'no compute energy/throughput given' without naming the unknown action";
const NEW_POSITIONS = 'NEW (unowned): a projection naming an unknown rank variable is blamed on the Einsum, not the name';
const NEW_CHECKS =
  'NEW (unowned): missing validation: an Einsum without an output tensor is accepted; a rank bound naming an undefined variable reads as "no bound"; a mapping loop over an unknown rank variable reads as a missing loop';

const BY_CAUSE: Readonly<Record<string, readonly string[]>> = {
  [PROTO_KEY_HINT]: ['names: rank variable named __proto__', 'names: spec variable named __proto__'],
  [RANGE_POSITIONS]: [
    'numeric: bits_per_value = -8',
    'numeric: bits_per_value = 0',
    'numeric: bits_per_value = "eight"',
    'numeric: bits_per_value = eight',
    'numeric: rank m bound = -4',
    'numeric: rank m bound = 0',
  ],
  [YAML_INF]: ['numeric: GlobalBuffer size = .inf', 'numeric: MAC throughput = .inf'],
  [OVERFLOW]: ['numeric: MAC energy = 1e308'],
  [SET_EXPRESSIONS]: ['expression: keep: Al | Inputs', 'expression: may_keep: Everything', 'expression: keep: ~MainMemroy', 'expression: keep: All +'],
  [MAPPING_EINSUM_TYPO]: ['structure: mapping names an unknown Einsum'],
  [TAG_POSITION]: ['structure: node tag on a scalar'],
  [MAPPER_RANGES]: ['numeric: mapper.time_limit = -1', 'numeric: mapper.memory_limit = -5', 'numeric: mapper.max_fused_loops = -1', 'numeric: mapper.max_fused_loops = 1.5'],
  [INCLUDE_BUDGET]: ['resources: include() in a loop of 2000', 'resources: include fan-out of 2^20 loads'],
  [SWEEP_VALUES]: ['resources: sweep value 1e400 (infinite)'],
  [TILE_SHAPES]: ['structure: mapping tile_shape 0.5', 'structure: mapping tile_shape beyond the rank size'],
  [ACTION_NAMES]: ['structure: Compute action misnamed'],
  [NEW_POSITIONS]: ['structure: projection names an unknown rank variable'],
  [NEW_CHECKS]: ['structure: Einsum without output', 'numeric: rank m bound = Mrows', 'structure: mapping loops over an unknown rank variable'],
};

/** Case name → the cause it waits on. */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BY_CAUSE).flatMap(([cause, names]) => names.map((name) => [name, cause])),
);
