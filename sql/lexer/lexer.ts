import { type Position, type Span, startOfText } from '../ast';
import { SqlSyntaxError, SyntaxErrorCodes } from '../errors';
import { symbols, type Token, type TokenType } from './token';

const wordStart = /[\p{L}_]/u;
const wordPart = /[\p{L}\p{N}_@]/u;
const digit = /[0-9]/;

/** Splits ksql text into tokens, dropping whitespace and comments; always ends with `eof`. */
export function tokenize(text: string, origin: Position = startOfText): Token[] {
  return new Lexer(text, origin).run();
}

class Lexer {
  private offset = 0;
  private line: number;
  private column: number;
  private readonly tokens: Token[] = [];

  constructor(
    private readonly text: string,
    private readonly origin: Position,
  ) {
    this.line = origin.line;
    this.column = origin.column;
  }

  run(): Token[] {
    for (;;) {
      this.skipTrivia();
      if (this.offset >= this.text.length) break;
      this.tokens.push(this.readToken());
    }
    const end = this.position();
    this.tokens.push({ type: 'eof', text: '', value: '', span: { start: end, end } });
    return this.tokens;
  }

  private position(): Position {
    return { offset: this.origin.offset + this.offset, line: this.line, column: this.column };
  }

  private advance(count: number): void {
    for (let i = 0; i < count; i++) {
      const ch = this.text.charCodeAt(this.offset++);
      if (ch === 10) {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
    }
  }

  private fail(code: string, message: string, start: Position): never {
    throw new SqlSyntaxError(code, message, { start, end: this.position() });
  }

  private skipTrivia(): void {
    for (;;) {
      const ch = this.text[this.offset];
      if (ch === undefined) return;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') {
        this.advance(1);
      } else if (this.text.startsWith('--', this.offset)) {
        const newline = this.text.indexOf('\n', this.offset);
        this.advance((newline < 0 ? this.text.length : newline) - this.offset);
      } else if (this.text.startsWith('/*', this.offset)) {
        const start = this.position();
        const close = this.text.indexOf('*/', this.offset + 2);
        if (close < 0) {
          this.advance(this.text.length - this.offset);
          this.fail(SyntaxErrorCodes.unterminatedComment, 'Unterminated /* comment', start);
        }
        this.advance(close + 2 - this.offset);
      } else {
        return;
      }
    }
  }

  private readToken(): Token {
    const start = this.position();
    const ch = this.text[this.offset] ?? '';
    if (ch === "'") return this.readQuoted(start, "'", 'string');
    if (ch === '`') return this.readQuoted(start, '`', 'quotedIdentifier');
    if (ch === '"') return this.readQuoted(start, '"', 'quotedIdentifier');
    if (digit.test(ch) || (ch === '.' && digit.test(this.text[this.offset + 1] ?? ''))) {
      return this.readNumber(start);
    }
    if (wordStart.test(ch)) return this.readWord(start);
    for (const symbol of symbols) {
      if (this.text.startsWith(symbol, this.offset)) {
        this.advance(symbol.length);
        return this.token('symbol', symbol, symbol, start);
      }
    }
    this.advance(1);
    const message =
      ch === '$' && this.text[this.offset] === '{'
        ? 'Unsubstituted variable reference: ${...} is replaced only when a script is parsed with its variables'
        : `Unexpected character '${ch}'`;
    return this.fail(SyntaxErrorCodes.invalidCharacter, message, start);
  }

  private token(
    type: TokenType,
    text: string,
    value: string,
    start: Position,
    quote?: Token['quote'],
  ): Token {
    const span: Span = { start, end: this.position() };
    return quote === undefined ? { type, text, value, span } : { type, text, value, quote, span };
  }

  private readWord(start: Position): Token {
    let end = this.offset + 1;
    while (end < this.text.length && wordPart.test(this.text[end] ?? '')) end++;
    const text = this.text.slice(this.offset, end);
    this.advance(end - this.offset);
    return this.token('word', text, text.toUpperCase(), start);
  }

  private readNumber(start: Position): Token {
    const match = /^(\d*)(\.\d*)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.offset, this.offset + 400),
    );
    const text = match?.[0] ?? '';
    if (/^\d+$/.test(text) && wordPart.test(this.text[this.offset + text.length] ?? '')) {
      return this.readWord(start);
    }
    this.advance(text.length);
    const type: TokenType =
      match?.[3] !== undefined ? 'double' : match?.[2] !== undefined ? 'decimal' : 'integer';
    return this.token(type, text, text, start);
  }

  private readQuoted(start: Position, quote: string, type: 'string' | 'quotedIdentifier'): Token {
    let value = '';
    let index = this.offset + 1;
    for (;;) {
      const close = this.text.indexOf(quote, index);
      if (close < 0) {
        this.advance(this.text.length - this.offset);
        const what = type === 'string' ? 'string literal' : 'quoted identifier';
        const code =
          type === 'string'
            ? SyntaxErrorCodes.unterminatedString
            : SyntaxErrorCodes.unterminatedIdentifier;
        return this.fail(code, `Unterminated ${what}: missing closing ${quote}`, start);
      }
      value += this.text.slice(index, close);
      if (this.text[close + 1] === quote) {
        value += quote;
        index = close + 2;
        continue;
      }
      const text = this.text.slice(this.offset, close + 1);
      this.advance(close + 1 - this.offset);
      const kind = quote === '`' ? 'backtick' : quote === '"' ? 'double' : undefined;
      return this.token(type, text, value, start, kind);
    }
  }
}
