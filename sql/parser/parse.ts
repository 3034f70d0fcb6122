import {
  type AstNode,
  type Expression,
  type Position,
  type Span,
  type Statement,
  startOfText,
  type TypeNode,
} from '../ast';
import { SqlSyntaxError, SyntaxErrorCodes } from '../errors';
import { tokenize } from '../lexer';
import { parseExpression as parseExpressionTokens } from './expression-parser';
import { parseStatementAt } from './statement-parser';
import { defaultMaxDepth, TokenStream } from './token-stream';
import { assertTreeDepth, defaultMaxTreeDepth } from './tree-depth';
import { parseType as parseTypeTokens } from './type-parser';

/** Words that may continue a statement: a misspelling of one after a complete statement gets a hint. */
const clauseKeywords = [
  'FROM',
  'JOIN',
  'WINDOW',
  'WHERE',
  'GROUP',
  'HAVING',
  'PARTITION',
  'EMIT',
  'LIMIT',
  'WITH',
  'AS',
  'EXTENDED',
  'BEGINNING',
  'INTERVAL',
  'TIMEOUT',
  'DELETE',
];

export interface ParseOptions {
  /** Where the text starts in a larger document (a script), so spans point into that document. */
  readonly origin?: Position;
  /** Maximum nesting of expressions, types and queries; deeper input is a NESTING_TOO_DEEP error. */
  readonly maxDepth?: number;
  /** Maximum depth of the resulting tree (long operator chains); deeper is NESTING_TOO_DEEP. */
  readonly maxTreeDepth?: number;
}

/** A statement with the exact text it was parsed from (without the `;`) and that text's span. */
export interface ParsedStatement {
  readonly statement: Statement;
  readonly text: string;
  readonly span: Span;
}

/**
 * Parses `;`-separated statements. Throws a SqlError (a SqlSyntaxError) at the first problem;
 * never throws anything else and always terminates.
 */
export function parseStatements(sql: string, options: ParseOptions = {}): ParsedStatement[] {
  const origin = options.origin ?? startOfText;
  const ts = new TokenStream(tokenize(sql, origin), options.maxDepth ?? defaultMaxDepth);
  const parsed: ParsedStatement[] = [];
  for (;;) {
    while (ts.acceptSymbol(';'));
    if (ts.atEnd()) return parsed;
    const firstToken = ts.position;
    const statement = parseStatementAt(ts);
    checkTreeDepth(statement, ts.position - firstToken, options);
    const span = statement.span;
    const text = sql.slice(span.start.offset - origin.offset, span.end.offset - origin.offset);
    parsed.push({ statement, text, span });
    if (!ts.atEnd() && !ts.isSymbol(';')) {
      throw ts.unexpected(`';' or the end of the statement`, ts.peek(), clauseKeywords);
    }
  }
}

/** Exactly one statement (a trailing `;` is allowed). */
export function parseStatement(sql: string, options: ParseOptions = {}): Statement {
  const statements = parseStatements(sql, options);
  const first = statements[0];
  if (first === undefined) {
    const at = options.origin ?? startOfText;
    throw new SqlSyntaxError(
      SyntaxErrorCodes.emptyStatement,
      'Expected a statement but found none',
      {
        start: at,
        end: at,
      },
    );
  }
  const second = statements[1];
  if (second !== undefined) {
    throw new SqlSyntaxError(
      SyntaxErrorCodes.unexpectedToken,
      'Expected a single statement',
      second.span,
    );
  }
  return first.statement;
}

/** A standalone expression, as in a WHERE clause. */
export function parseExpression(sql: string, options: ParseOptions = {}): Expression {
  return parseWhole(sql, options, parseExpressionTokens);
}

/** A standalone type, as in a column definition or CAST. */
export function parseType(sql: string, options: ParseOptions = {}): TypeNode {
  return parseWhole(sql, options, parseTypeTokens);
}

function parseWhole<T extends AstNode>(
  sql: string,
  options: ParseOptions,
  parse: (ts: TokenStream) => T,
): T {
  const ts = new TokenStream(
    tokenize(sql, options.origin ?? startOfText),
    options.maxDepth ?? defaultMaxDepth,
  );
  const result = parse(ts);
  if (!ts.atEnd()) throw ts.unexpected('the end of the input');
  checkTreeDepth(result, ts.position, options);
  return result;
}

/** Each token adds at most a few tree levels, so short statements cannot be too deep: skip them. */
function checkTreeDepth(node: AstNode, tokenCount: number, options: ParseOptions): void {
  const maxTreeDepth = options.maxTreeDepth ?? defaultMaxTreeDepth;
  if (tokenCount * 4 + 16 > maxTreeDepth) assertTreeDepth(node, maxTreeDepth);
}
