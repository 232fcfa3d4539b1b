/** Jinja rendering of one file: preprocess, render with AccelForge's globals, map positions. */
import nunjucks from 'nunjucks';
import { SpecErrorException, specError, type SourcePos } from '../../base/errors.js';
import { createAccelForgeGlobals, type ChildLoader, type FileRenderState } from './jinja-globals.js';
import { createJinjaEnvironment, type JinjaRun } from './jinja-env.js';
import { scanJinjaVariables } from './jinja-variables.js';
import type { LoadSession } from './load-session.js';
import { preprocessTemplate } from './template-preprocess.js';
import { toJinjaValue } from './py-values.js';

export interface RenderRequest {
  readonly path: string;
  readonly text: string;
  readonly state: FileRenderState;
  readonly children: ChildLoader;
}

/** Rendered text with position markers still in it (see position-map). */
export function renderFile(session: LoadSession, request: RenderRequest): string {
  const file = session.nameOf(request.path);
  const fileId = session.fileId(request.path);
  session.variableScans.push(scanJinjaVariables(request.text, file));
  const run: JinjaRun = {
    loc: { line: 1, col: 1 },
    steps: 0,
    fail(message: string, hint?: string): never {
      const error = new SpecErrorException(specError('jinja', message, { pos: { file, ...run.loc }, ...(hint ? { hint } : {}) }));
      run.failure ??= error;
      throw error;
    },
  };
  const globals = createAccelForgeGlobals(session.fs, request.state, run, request.children);
  const env = createJinjaEnvironment(run, globals);
  // Jinja2 drops a single trailing newline of the template (keep_trailing_newline=False).
  const source = request.text.replace(/\r?\n$/, '');
  const template = compileTemplate(env, source, preprocessTemplate(source, fileId), file);
  const data = toJinjaValue(request.state.data) as Record<string, unknown>;
  try {
    return template.render(data);
  } catch (error) {
    if (run.failure) throw run.failure;
    return run.fail(`Jinja error: ${cleanNunjucksMessage(error)}`);
  }
}

function compileTemplate(env: nunjucks.Environment, original: string, preprocessed: string, file: string): nunjucks.Template {
  try {
    return new nunjucks.Template(preprocessed, env, file, true);
  } catch (error) {
    // Parse errors are reported against the user's own text, whose positions are exact.
    let pos: SourcePos = { file, line: 1, col: 1 };
    try {
      new nunjucks.Template(original, env, file, true);
    } catch (originalError) {
      pos = nunjucksErrorPos(originalError, file) ?? pos;
      error = originalError;
    }
    throw new SpecErrorException(
      specError('jinja', `Jinja syntax error: ${cleanNunjucksMessage(error)}`, {
        pos,
        hint: 'Check that every {% if %}/{% for %} has its {% endif %}/{% endfor %} and that {{ }} and {% %} are closed.',
      }),
    );
  }
}

function nunjucksErrorPos(error: unknown, file: string): SourcePos | undefined {
  const match = /\[Line (\d+), Column (\d+)\]/.exec(error instanceof Error ? error.message : '');
  if (!match) return undefined;
  // The nunjucks parser reports 1-based positions.
  return { file, line: Number(match[1]), col: Number(match[2]) };
}

function cleanNunjucksMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const last = lines[lines.length - 1] ?? message;
  return last.replace(/^(Template render error|Error|TypeError):\s*/, '').replace(/^\(.*?\)\s*(\[Line \d+, Column \d+\])?\s*/, '');
}
