/**
 * Runs a template tree: text is copied, `{{ }}` writes Python's str() of its value, statements
 * bind names, branch and loop. Expressions go through the safe expression interpreter in its
 * Jinja mode, so a template reaches only the values and functions the interpreter defines.
 */
import {
  bindTarget,
  evaluateParsed,
  iterate,
  pyObject,
  pyStrLimited,
  truthy,
  type Expr,
  type JinjaDialect,
  type PyValue,
  type Scope,
} from '../../expr/index.js';
import type { JinjaRun } from '../jinja-run.js';
import type { TemplateLocation } from '../template-preprocess.js';
import type { TemplateNode } from './template-parser.js';

/** Most items one expression may build (a range, a comprehension, a repeated list). */
const MAX_EXPRESSION_ITEMS = 1_000_000;

const ASSERT_HINT = 'Change the Jinja variables so the {% assert %} condition holds.';

export class TemplateRenderer {
  constructor(
    private readonly run: JinjaRun,
    private readonly dialect: JinjaDialect,
  ) {}

  /** Renders `nodes` into `out`, binding names in `scope`. */
  render(nodes: readonly TemplateNode[], scope: Scope, out: string[]): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        this.write(out, node.text);
        continue;
      }
      this.run.step(node.at);
      switch (node.type) {
        case 'output':
          this.write(out, this.text(this.evaluate(node.expr, scope), this.run.outputLeft()));
          break;
        case 'set':
          // Like Jinja, an undefined value may be assigned; it fails where it is used.
          this.bind(node.head.target, this.evaluate(node.head.value, scope, true), scope);
          break;
        case 'assert':
          this.check(node.head.test, node.head.message, node.at, scope);
          break;
        case 'if':
          this.renderIf(node, scope, out);
          break;
        case 'for':
          this.renderFor(node, scope, out);
          break;
      }
    }
  }

  private renderIf(node: Extract<TemplateNode, { type: 'if' }>, scope: Scope, out: string[]): void {
    for (const branch of node.branches) {
      this.run.step(branch.at);
      if (truthy(this.evaluate(branch.test, scope))) {
        this.render(branch.body, scope, out);
        return;
      }
    }
    this.render(node.orElse, scope, out);
  }

  /**
   * Each iteration has its own scope, as in Jinja: its targets, `loop`, and what it sets, none
   * of which outlives the iteration.
   */
  private renderFor(node: Extract<TemplateNode, { type: 'for' }>, scope: Scope, out: string[]): void {
    const { target, iterable, condition } = node.head;
    const sequence = this.evaluate(iterable, scope);
    let items = this.run.guard(() => [...iterate(sequence)]);
    if (condition) {
      items = items.filter((item) => {
        const inner = scope.child();
        this.bind(target, item, inner);
        return truthy(this.evaluate(condition, inner));
      });
    }
    if (items.length === 0) {
      this.render(node.orElse, scope, out);
      return;
    }
    items.forEach((item, index) => {
      this.run.step(node.at);
      const inner = scope.child({ loop: loopObject(index, items.length) });
      this.bind(target, item, inner);
      this.render(node.body, inner, out);
    });
  }

  private check(test: Expr, message: Expr | undefined, at: TemplateLocation, scope: Scope): void {
    if (truthy(this.evaluate(test, scope))) return;
    const text = message ? this.text(this.evaluate(message, scope), MAX_EXPRESSION_ITEMS) : `assertion failed on line ${at.line}`;
    this.run.fail(`Jinja assertion failed: ${text}`, ASSERT_HINT);
  }

  private bind(target: Parameters<typeof bindTarget>[0], value: PyValue, scope: Scope): void {
    this.run.guard(() => bindTarget(target, value, scope));
  }

  private evaluate(expr: Expr, scope: Scope, keepUndefined = false): PyValue {
    const options = { dialect: this.dialect, maxItems: MAX_EXPRESSION_ITEMS, keepUndefined };
    return this.run.guard(() => evaluateParsed(expr, '', scope, options));
  }

  /** Python's str(), refused past `limit` characters. */
  private text(value: PyValue, limit: number): string {
    return this.run.guard(() => pyStrLimited(value, limit));
  }

  private write(out: string[], text: string): void {
    this.run.countOutput(text.length);
    out.push(text);
  }
}

/** Jinja's `loop` variable. */
function loopObject(index: number, length: number): PyValue {
  return pyObject('LoopContext', {
    index: index + 1,
    index0: index,
    revindex: length - index,
    revindex0: length - index - 1,
    first: index === 0,
    last: index === length - 1,
    length,
  });
}
