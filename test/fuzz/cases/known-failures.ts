/**
 * Cases that fail on the current tree, each with the cause that must be fixed (issue 13). They
 * run as `it.fails`: when a fix lands the case passes, its `it.fails` fails, and the entry must
 * be removed here. Never add a case here to hide a regression; the cause must name the fix.
 */
const JINJA_SANDBOX = 'A: the Jinja renderer reaches JavaScript (constructor / __proto__ / Function); needs the sandboxed renderer';
const JINJA_ERRORS = 'A: Jinja errors need a hint, the line and column of the failing tag, and Python semantics (1/0 and huge powers are errors)';
const JINJA_CAPS = 'A/B: Jinja output size is not capped (string repetition, center, doubling)';
const HOST_READS = 'B: CLI reads outside the design root (include/include_text/!include/find_paths/path_exists/add_to_path) without --allow-read';
const HOST_DEVICES = 'B: CLI reads devices and folders (/dev/zero never ends, a folder reads as "not found")';
const ALIAS_CAP = 'B: YAML aliases are not capped (alias bomb)';
const SWEEP_CAP = 'B: sweep point count is not capped';
const JSON_INF = 'B: components --json prints infinite throughput as null, not "Infinity"';
const DIVISORS = 'D: divisors() tries every integer up to n, so a rank of 2^30 or more never finishes and time_limit cannot stop it';
const RANGES = 'E: range validation of fields (negative / zero / NaN / infinite bits_per_value, size, throughput, energy, area, leak_power, fanout, rank bounds)';
const YAML_INF = 'E: the schema rejects YAML .inf for size and throughput (zod numbers refuse Infinity) though plain inf is accepted';
const PROTO_NAMES = 'E: tensor names that are Object.prototype keys (toString, __proto__, constructor...) give NaN results or a hint-less error';
const SET_EXPRESSIONS = 'E: check does not evaluate set expressions (keep / may_keep)';
const CYCLES = 'E: cyclic Einsums are accepted';
const MAPPING_OMITS = 'E: a mapping that leaves out an Einsum is accepted (the Einsum drops out of the totals)';
const TAG_POSITION = 'E: a tag on a scalar is blamed on the value, not the tag';
const NEW_POSITIONS = 'NEW (unowned): error placed at the enclosing node instead of the offending value (bits_per_value entry, rank bound, projection)';
const NEW_CHECKS = 'NEW (unowned): missing validation (an Einsum without an output tensor is accepted; a rank bound naming an undefined variable is reported as "no bound"; a loop over an unknown rank variable is reported as a missing loop)';

const BY_CAUSE: Readonly<Record<string, readonly string[]>> = {
  [JINJA_SANDBOX]: [
    'jinja escape: range.constructor',
    'jinja escape: cycler.constructor',
    'jinja escape: joiner.constructor',
    'jinja escape: dict.constructor',
    'jinja escape: include.constructor',
    'jinja escape: include_text.constructor',
    'jinja escape: find_paths.constructor',
    'jinja escape: path_exists.constructor',
    "jinja escape: ''.constructor.constructor",
    'jinja escape: "abc".constructor.constructor',
    'jinja escape: [].constructor.constructor',
    'jinja escape: (1).constructor.constructor',
    'jinja escape: {}.constructor.constructor',
    'jinja escape: true.constructor.constructor',
    'jinja escape: none.constructor.constructor',
    'jinja escape: subscript ["constructor"]',
    'jinja escape: subscript built by ~',
    'jinja escape: subscript from a variable',
    'jinja escape: __proto__ chain',
    "jinja escape: ''.__proto__.constructor.constructor",
    'jinja escape: |attr("constructor")',
    'jinja escape: |attr twice',
    'jinja escape: a stored constructor',
    'jinja escape: macro.constructor',
    'jinja escape: loop.constructor',
    'jinja escape: list method .append.constructor',
    'jinja escape: string method .upper.constructor',
    'jinja escape: dict method .items.constructor',
    'jinja escape: cycler instance method',
    'jinja escape: nunjucks internal __truthy',
    'jinja escape: nunjucks internal __loc',
    'jinja escape: Python __class__.__mro__',
    'jinja escape: str.format attribute lookup',
    'jinja escape: a --set string variable',
    'jinja escape: constructor.call',
    'jinja escape: constructor inside a YAML value',
  ],
  [JINJA_ERRORS]: [
    'expression: 4000 nested Jinja parentheses',
    'expression: Jinja 1 / 0',
    'expression: Jinja 10**10**10',
    'structure: {% for %} without {% endfor %}',
    'structure: {% if %} without {% endif %}',
    'resources: range(10**9) loop',
    'resources: nested loops of 4e8 steps',
  ],
  [JINJA_CAPS]: ['resources: "x" * 200000000', 'resources: "x" * 10**12', 'resources: 200 MB of template output', 'resources: string doubling in a loop'],
  [HOST_READS]: [
    'host path: include_text of an absolute path outside the root',
    'host path: include_text of ../ outside the root',
    'host path: include_text of sub/../../ outside the root',
    'host path: include_text of /etc/passwd',
    'host path: include_text of //etc/./passwd',
    'host path: include_text of /proc/self/environ',
    'host path: include_text through a symlink to outside',
    'host path: path_exists probes outside the root',
    'host path: find_paths lists outside the root',
    'host path: find_path of /etc/passwd',
    'host path: include of a YAML file outside the root',
    'host path: include_all outside the root',
    'host path: add_to_path("/") then a relative read',
    'host path: add_to_path outside then a relative read',
    'host path: !include outside the root',
    'host path: --allow-read lets the canary folder in',
  ],
  [HOST_DEVICES]: ['host path: include_text of /dev/zero', 'host path: include_text of a folder'],
  [ALIAS_CAP]: ['resources: YAML alias bomb (10^9 leaves)', 'resources: alias bomb through merge keys'],
  [SWEEP_CAP]: ['resources: sweep of 10^9 points', 'resources: sweep of 10^5 x 10^5 points'],
  [JSON_INF]: ['resources: components --json keeps infinite throughput'],
  [DIVISORS]: [
    'resources: rank of 2^30 in the mapper',
    'resources: rank of 2^40 in the mapper',
    'resources: rank of 2^53 + 1 in the mapper',
    'resources: three ranks of 2^40 (2^120 MACs)',
  ],
  [RANGES]: [
    'numeric: bits_per_value = -8',
    'numeric: bits_per_value = 0',
    'numeric: GlobalBuffer size = -8',
    'numeric: MAC throughput = -1',
    'numeric: MAC throughput = 0',
    'numeric: MAC energy = -1',
    'numeric: MAC energy = 1e308',
    'numeric: MAC area = -1',
    'numeric: MAC leak_power = -1',
    'numeric: NVDLA fanout = -2',
    'numeric: NVDLA fanout = 0',
    'numeric: NVDLA DRAM read energy = -7.03e-12',
    'numeric: NVDLA buffer write throughput = 0',
    'numeric: NVDLA buffer write throughput = -128e9 * 8',
    'numeric: Eyeriss buffer size = -1024 * 1024',
    'numeric: rank m bound = -4',
    'numeric: rank m bound = 0',
  ],
  [YAML_INF]: ['numeric: GlobalBuffer size = .inf', 'numeric: MAC throughput = .inf'],
  [PROTO_NAMES]: [
    'names: tensor named toString',
    'names: tensor named __proto__',
    'names: tensor named constructor',
    'names: tensor named hasOwnProperty',
    'names: tensor named valueOf',
    'names: output tensor named toString',
    'names: output tensor named __proto__',
    'names: output tensor named constructor',
    'names: output tensor named hasOwnProperty',
    'names: output tensor named valueOf',
    'names: rank variable named __proto__',
    'names: spec variable named __proto__',
  ],
  [SET_EXPRESSIONS]: ['expression: keep: Al | Inputs', 'expression: may_keep: Everything', 'expression: keep: ~MainMemroy', 'expression: keep: All +'],
  [CYCLES]: ['structure: cyclic Einsums'],
  [MAPPING_OMITS]: ['structure: mapping leaves out an Einsum'],
  [TAG_POSITION]: ['structure: node tag on a scalar'],
  [NEW_POSITIONS]: ['numeric: bits_per_value = "eight"', 'numeric: bits_per_value = eight', 'structure: projection names an unknown rank variable'],
  [NEW_CHECKS]: ['structure: Einsum without output', 'numeric: rank m bound = Mrows', 'structure: mapping loops over an unknown rank variable'],
};

/** Case name → the cause it waits on. */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BY_CAUSE).flatMap(([cause, names]) => names.map((name) => [name, cause])),
);
