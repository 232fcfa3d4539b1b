/**
 * Best-effort list of the Jinja data a template reads (for the UI's variable form): names used
 * before any `{% set %}` of them in the file, with the text of their `| default(...)` if any.
 */

/** A Jinja variable a spec reads from its data. */
export interface JinjaVariableInfo {
  readonly name: string;
  /** Source text of the `| default(...)` argument, when the template gives one. */
  readonly defaultText?: string;
  /** Where it is first read. */
  readonly file: string;
  readonly line: number;
}

export interface JinjaVariableScan {
  readonly reads: JinjaVariableInfo[];
  /** Names assigned without reading a previous value (local to the templates). */
  readonly assigned: Set<string>;
}

const KEYWORDS = new Set(
  (
    'and or not in is if else elif endif for endfor set endset raw endraw true false none True False None ' +
    'loop defined undefined assert macro endmacro call filter endfilter import include from as with ' +
    'without context recursive block endblock extends'
  ).split(' '),
);

const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g;
const TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}|\{#[\s\S]*?#\}/g;

/** Identifiers an expression reads as variables (not attributes, calls, filters or tests). */
function readNames(expr: string): { name: string; defaultText?: string }[] {
  const code = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) => ' '.repeat(s.length));
  const out: { name: string; defaultText?: string }[] = [];
  for (const match of code.matchAll(/[A-Za-z_]\w*/g)) {
    const name = match[0];
    const before = code.slice(0, match.index).trimEnd();
    const after = code.slice(match.index + name.length);
    if (KEYWORDS.has(name) || /[.|]$/.test(before) || /(^|\W)is(\s+not)?$/.test(before)) continue;
    if (/^\s*\(/.test(after) || /^\s*=(?!=)/.test(after) || /^\d/.test(name)) continue;
    const defaultMatch = /^\s*\|\s*default\s*\(/.exec(after);
    const defaultText = defaultMatch ? balancedArgument(expr, match.index + name.length + defaultMatch[0].length) : undefined;
    out.push(defaultText !== undefined ? { name, defaultText } : { name });
  }
  return out;
}

function balancedArgument(text: string, start: number): string | undefined {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i).trim();
  }
  return undefined;
}

/** Scans one template. */
export function scanJinjaVariables(text: string, file: string): JinjaVariableScan {
  const reads: JinjaVariableInfo[] = [];
  const assigned = new Set<string>();
  const local = new Set<string>();
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const code = text.replace(RAW_BLOCK, (block) => block.replace(/[^\n]/g, ' '));
  const read = (expr: string, offset: number) => {
    for (const { name, defaultText } of readNames(expr)) {
      if (local.has(name)) continue;
      reads.push({ name, file, line: lineOf(offset), ...(defaultText !== undefined ? { defaultText } : {}) });
    }
  };
  for (const match of code.matchAll(TAG)) {
    if (match[1] !== undefined) read(match[1], match.index);
    const statement = match[2]?.trim();
    if (!statement) continue;
    const set = /^set\s+([\w\s,]+?)\s*=([\s\S]*)$/.exec(statement);
    const loop = /^for\s+([\w\s,]+?)\s+in\s([\s\S]*)$/.exec(statement);
    const test = /^(?:if|elif|assert)\s([\s\S]*)$/.exec(statement);
    if (set) {
      const targets = set[1]!.split(',').map((s) => s.trim());
      read(set[2]!, match.index);
      for (const target of targets) {
        if (!reads.some((r) => r.name === target)) assigned.add(target);
        local.add(target);
      }
    } else if (loop) {
      read(loop[2]!, match.index);
      for (const target of loop[1]!.split(',')) local.add(target.trim());
    } else if (test) read(test[1]!, match.index);
  }
  return { reads, assigned };
}

/** Combines the scans of all loaded files: names assigned anywhere are not data. */
export function combineVariableScans(scans: readonly JinjaVariableScan[]): Map<string, JinjaVariableInfo> {
  const assigned = new Set(scans.flatMap((s) => [...s.assigned]));
  const out = new Map<string, JinjaVariableInfo>();
  for (const info of scans.flatMap((s) => s.reads)) {
    if (assigned.has(info.name)) continue;
    const known = out.get(info.name);
    if (!known) out.set(info.name, info);
    else if (known.defaultText === undefined && info.defaultText !== undefined) {
      out.set(info.name, { ...known, defaultText: info.defaultText });
    }
  }
  return out;
}
