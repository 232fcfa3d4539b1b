/** Token cursor with the lookahead and error helpers the parser needs. */
import { fail } from './errors.js';
import type { Token } from './tokenizer.js';

const MAX_NESTING = 100;

/** A cursor over tokens; the parser extends it. */
export class TokenStream {
  protected index = 0;
  private depth = 0;

  constructor(protected readonly tokens: readonly Token[]) {}

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  protected advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  protected isOp(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'op' && token.text === text;
  }

  protected isKeyword(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'name' && token.text === text;
  }

  protected acceptOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.index++;
    return true;
  }

  protected expectOp(text: string): void {
    if (!this.acceptOp(text)) this.unexpected(`'${text}'`);
  }

  protected unexpected(expected: string): never {
    const token = this.peek();
    const found = token.kind === 'end' ? 'the end of the expression' : `'${this.tokenText(token)}'`;
    fail(`SyntaxError: expected ${expected} but found ${found}`, 'Expressions use Python syntax.', token.offset);
  }

  protected tokenText(token: Token): string {
    return token.kind === 'string' ? JSON.stringify(token.text) : token.text;
  }

  protected nested<T>(parseInner: () => T): T {
    if (++this.depth > MAX_NESTING) {
      fail('the expression is too deeply nested', `Keep nesting below ${MAX_NESTING} levels.`, this.peek().offset);
    }
    try {
      return parseInner();
    } finally {
      this.depth--;
    }
  }
}
