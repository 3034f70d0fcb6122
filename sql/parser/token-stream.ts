import { Identifier, type Position, type Span } from '../ast';
import { SqlSyntaxError, SyntaxErrorCodes } from '../errors';
import { describeToken, type SymbolText, type Token } from '../lexer';
import { isReserved } from './keywords';
import { suggestKeyword } from './suggest';

export const defaultMaxDepth = 200;

/**
 * The parser's cursor over a token array. Every parse function consumes tokens through it, so
 * the stream also guards recursion depth (deep nesting is a SqlError, never a stack overflow).
 */
export class TokenStream {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly maxDepth: number = defaultMaxDepth,
  ) {}

  peek(ahead = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] ?? last;
    if (token === undefined) throw new Error('token stream has no eof token');
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.index++;
    return token;
  }

  /** The token just consumed (for span ends). */
  previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)] ?? this.peek();
  }

  atEnd(): boolean {
    return this.peek().type === 'eof';
  }

  atEndAfter(ahead: number): boolean {
    return this.peek(ahead).type === 'eof';
  }

  isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'word' && token.value === word;
  }

  isSymbol(symbol: SymbolText, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'symbol' && token.value === symbol;
  }

  acceptKeyword(...words: string[]): boolean {
    if (!words.every((word, i) => this.isKeyword(word, i))) return false;
    this.index += words.length;
    return true;
  }

  acceptSymbol(symbol: SymbolText): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.index++;
    return true;
  }

  expectKeyword(...words: string[]): Token {
    for (const word of words) {
      if (!this.isKeyword(word)) throw this.unexpected(word);
      this.index++;
    }
    return this.previous();
  }

  expectSymbol(symbol: SymbolText): Token {
    if (!this.isSymbol(symbol)) throw this.unexpected(`'${symbol}'`);
    return this.next();
  }

  /** An unquoted non-reserved word or a quoted identifier. */
  isIdentifier(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'quotedIdentifier' || (token.type === 'word' && !isReserved(token.value));
  }

  expectIdentifier(what = 'an identifier'): Identifier {
    if (!this.isIdentifier()) throw this.unexpected(what);
    return identifierFrom(this.next());
  }

  /**
   * An error at the current token saying what was expected instead. A word close to one of the
   * expected keywords (the upper-case words of `expected`, or `keywords`) gets a suggestion.
   */
  unexpected(
    expected: string,
    token: Token = this.peek(),
    keywords?: readonly string[],
  ): SqlSyntaxError {
    const atEnd = token.type === 'eof';
    const code = atEnd ? SyntaxErrorCodes.unexpectedEnd : SyntaxErrorCodes.unexpectedToken;
    const candidates = keywords ?? expected.match(/\b[A-Z][A-Z_]+\b/g) ?? [];
    const suggestion = token.type === 'word' ? suggestKeyword(token.value, candidates) : undefined;
    const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
    const message = `Syntax error: expected ${expected} but found ${describeToken(token)}${hint}`;
    const details = {
      expected,
      found: token.text,
      ...(suggestion !== undefined && { suggestion }),
    };
    return new SqlSyntaxError(code, message, token.span, { details });
  }

  /** Runs `parse` one nesting level deeper. */
  nested<T>(parse: () => T): T {
    if (this.depth >= this.maxDepth) {
      const token = this.peek();
      throw new SqlSyntaxError(
        SyntaxErrorCodes.nestingTooDeep,
        `Statement is nested too deeply (more than ${this.maxDepth} levels)`,
        token.span,
      );
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** The span from `start` to the end of the last consumed token. */
  spanFrom(start: Position): Span {
    const end = this.previous().span.end;
    return { start, end: end.offset < start.offset ? start : end };
  }

  get position(): number {
    return this.index;
  }
}

export function identifierFrom(token: Token): Identifier {
  if (token.type === 'quotedIdentifier') {
    return Identifier.create({
      name: token.value,
      text: token.value,
      quote: token.quote ?? 'backtick',
      span: token.span,
    });
  }
  return Identifier.create({
    name: token.value,
    text: token.text,
    quote: 'none',
    span: token.span,
  });
}
