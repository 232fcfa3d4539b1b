/**
 * Jinja rendering of one file: scan the template into text and tags (with position markers),
 * parse the tags, and run them with the expression interpreter's Jinja mode, AccelForge's
 * globals and the caller's data. No code is generated and no host object is reachable.
 */
import { Scope } from '../expr/index.js';
import { createAccelForgeGlobals, type ChildLoader, type FileRenderState } from './jinja-globals.js';
import { createJinjaDialect } from './jinja-env.js';
import { JinjaRun, type LoadBudget } from './jinja-run.js';
import { scanJinjaVariables } from './jinja-variables.js';
import { parseTemplate } from './jinja/template-parser.js';
import { TemplateRenderer } from './jinja/template-render.js';
import type { LoadSession } from './load-session.js';
import { toJinjaValue } from './py-values.js';
import { scanTemplate } from './template-preprocess.js';

export interface RenderRequest {
  readonly path: string;
  readonly text: string;
  readonly state: FileRenderState;
  readonly children: ChildLoader;
}

/** The output and tag caps are shared by every render of one load (includes and include_text too). */
const budgets = new WeakMap<LoadSession, LoadBudget>();

function loadBudget(session: LoadSession): LoadBudget {
  let budget = budgets.get(session);
  if (!budget) budgets.set(session, (budget = { output: 0, steps: 0 }));
  return budget;
}

/** Rendered text with position markers still in it (see position-map). */
export function renderFile(session: LoadSession, request: RenderRequest): string {
  const file = session.nameOf(request.path);
  const fileId = session.fileId(request.path);
  session.variableScans.push(scanJinjaVariables(request.text, file));
  // Jinja2 drops a single trailing newline of the template (keep_trailing_newline=False).
  const source = request.text.replace(/\r?\n$/, '');
  const nodes = parseTemplate(scanTemplate(source, fileId), file);
  const run = new JinjaRun(file, loadBudget(session));
  const scope = new Scope(dataOf(request.state.data));
  const globals = createAccelForgeGlobals(session.fs, request.state, run, request.children, () => scope);
  const out: string[] = [];
  new TemplateRenderer(run, createJinjaDialect(run, globals)).render(nodes, scope, out);
  return out.join('');
}

/** The caller's data as template variables; an entry whose value is `undefined` is left undefined. */
function dataOf(data: Record<string, unknown>): Map<string, ReturnType<typeof toJinjaValue>> {
  const entries = Object.entries(data).filter(([, value]) => value !== undefined);
  return new Map(entries.map(([name, value]) => [name, toJinjaValue(value, name)] as const));
}
