/**
 * The state of one template render: where it is (for errors), how many tags it ran and how much
 * text and tags the whole load has produced and run (all capped, so no template can hang or flood the loader),
 * and the conversion of every failure into a SpecError at the current tag.
 */
import { SpecErrorException, specError, type SpecError } from '../../base/errors.js';
import { ExpressionError, UndefinedError } from '../expr/index.js';
import { describeUndefined } from './jinja-undefined.js';
import type { TemplateLocation } from './template-preprocess.js';

/** Most tags one file's render may run. */
export const MAX_STEPS = 100_000;
/** Most tags the renders of one load may run together (include_text in a loop multiplies). */
export const MAX_LOAD_STEPS = 1_000_000;
/** Most characters the renders of one load may produce together (16 MiB). */
export const MAX_OUTPUT = 16 * 1024 * 1024;

const STEPS_HINT = `Loop over fewer items: a file's template may run ${MAX_STEPS} tags, all files of a spec ${MAX_LOAD_STEPS}.`;
const EXPRESSION_HINT =
  'Template expressions are Python expressions over the template data, plus Jinja filters (x | default(1)) and tests (x is defined).';

/** What the renders of one load have used so far: characters produced and tags run. */
export interface LoadBudget {
  output: number;
  steps: number;
}

export class JinjaRun {
  /** The tag being run. */
  loc: TemplateLocation = { line: 1, col: 1 };
  private steps = 0;

  constructor(
    private readonly file: string,
    private readonly budget: LoadBudget,
  ) {}

  /** Moves to the tag at `at`, counting it against the step budget. */
  step(at: TemplateLocation): void {
    this.loc = at;
    if (++this.steps > MAX_STEPS) this.fail(`The template ran more than ${MAX_STEPS} Jinja tags; is a loop too large?`, STEPS_HINT);
    if (++this.budget.steps > MAX_LOAD_STEPS) {
      this.fail(`The templates of this spec ran more than ${MAX_LOAD_STEPS} Jinja tags together; is an include in a loop?`, STEPS_HINT);
    }
  }

  /** Throws a SpecError at the current tag. */
  fail(message: string, hint?: string): never {
    throw new SpecErrorException(specError('jinja', message, { pos: { file: this.file, ...this.loc }, ...(hint ? { hint } : {}) }));
  }

  /** Throws `found`, placed at the current tag when it has no position of its own. */
  failWith(found: SpecError): never {
    throw new SpecErrorException(found.pos ? found : { ...found, pos: { file: this.file, ...this.loc } });
  }

  /** Runs `action`, turning expression failures into SpecErrors at the current tag. */
  guard<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof UndefinedError) {
        const { message, hint } = describeUndefined(error);
        return this.fail(message, hint);
      }
      if (error instanceof ExpressionError) return this.fail(`Jinja error: ${error.message}`, error.hint ?? EXPRESSION_HINT);
      if (error instanceof RangeError) {
        return this.fail(`Jinja error: the template needs too much memory or nesting (${error.message})`, 'Simplify the template.');
      }
      throw error;
    }
  }

  /** Counts `length` more characters of output against the load's cap. */
  countOutput(length: number): void {
    this.budget.output += length;
    if (this.budget.output > MAX_OUTPUT) {
      this.fail(
        `The templates rendered more than ${MAX_OUTPUT / (1024 * 1024)} MiB of text; is a loop too large?`,
        'Spec templates are meant to produce spec files of ordinary size.',
      );
    }
  }

  /** Characters the load may still produce. */
  outputLeft(): number {
    return Math.max(0, MAX_OUTPUT - this.budget.output);
  }
}
