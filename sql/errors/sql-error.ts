import type { Span } from '../ast';
import { renderSourceCaret } from './render-caret';

/**
 * Codes raised by the lexer, parser and script handling. The analyzer and planner add their
 * own codes (any SCREAMING_SNAKE string) on subclasses of SqlError.
 */
export const SyntaxErrorCodes = {
  /** A token that the grammar does not allow here. */
  unexpectedToken: 'UNEXPECTED_TOKEN',
  /** The statement ended where more was required. */
  unexpectedEnd: 'UNEXPECTED_END',
  unterminatedString: 'UNTERMINATED_STRING',
  unterminatedIdentifier: 'UNTERMINATED_IDENTIFIER',
  unterminatedComment: 'UNTERMINATED_COMMENT',
  invalidCharacter: 'INVALID_CHARACTER',
  invalidNumber: 'INVALID_NUMBER',
  /** Syntactically well formed but not allowed (an unknown type name in a column list, ...). */
  invalidSyntax: 'PARSE_ERROR',
  nestingTooDeep: 'NESTING_TOO_DEEP',
  undefinedVariable: 'UNDEFINED_VARIABLE',
  emptyStatement: 'EMPTY_STATEMENT',
} as const;

export type SyntaxErrorCode = (typeof SyntaxErrorCodes)[keyof typeof SyntaxErrorCodes];

export interface SqlErrorOptions {
  readonly cause?: unknown;
  /** Structured facts a machine can act on (the unexpected token, the expected ones, ...). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The base of every error that points into SQL text. `span` locates the offending text in
 * the string that was parsed (for a script: the whole script). Never retriable: the same text
 * fails the same way.
 */
export class SqlError extends Error {
  readonly retriable = false;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    readonly span: Span,
    options: SqlErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? {};
  }

  get line(): number {
    return this.span.start.line;
  }

  get column(): number {
    return this.span.start.column;
  }

  /** `file:line:col: message`, the source line, and carets under the offending text. */
  render(sourceText: string, fileName = '<input>'): string {
    const { line, column } = this.span.start;
    const header = `${fileName}:${line}:${column}: ${this.message}`;
    return `${header}\n${renderSourceCaret(sourceText, this.span)}`;
  }
}

/** Lexer and parser errors: the text is not ksql. */
export class SqlSyntaxError extends SqlError {}

/** A `${name}` with no DEFINE'd value. */
export class SqlVariableError extends SqlError {}

export function isSqlError(error: unknown): error is SqlError {
  return error instanceof SqlError;
}
