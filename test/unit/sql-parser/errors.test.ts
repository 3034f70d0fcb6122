import { SqlError, SqlSyntaxError } from '../../../sql/errors';
import { parseExpression, parseStatement, parseStatements } from '../../../sql/parser';
import { printStatement } from '../../../sql/printer';

function errorOf(parse: () => unknown): SqlError {
  try {
    parse();
  } catch (error) {
    if (error instanceof SqlError) return error;
    throw error;
  }
  throw new Error('expected a SqlError');
}

describe('syntax errors point into the SQL', () => {
  it('reports a misspelt keyword at its line and column with carets under it', () => {
    const sql =
      'CREATE STREAM clean AS\n  SELECT id, amount AS total\n  FORM orders\n  EMIT CHANGES;';
    const error = errorOf(() => parseStatements(sql));
    expect(error).toBeInstanceOf(SqlSyntaxError);
    expect(error.code).toBe('UNEXPECTED_TOKEN');
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.render(sql, 'pipeline.sql')).toBe(
      [
        "pipeline.sql:3:3: Syntax error: expected FROM but found 'FORM' (did you mean FROM?)",
        '3 |   FORM orders',
        '  |   ^^^^',
      ].join('\n'),
    );
  });

  it('reports an unterminated string from its opening quote', () => {
    const sql = "SELECT * FROM s WHERE name = 'bob";
    const error = errorOf(() => parseStatements(sql));
    expect(error.code).toBe('UNTERMINATED_STRING');
    expect(error.render(sql)).toBe(
      [
        "<input>:1:30: Unterminated string literal: missing closing '",
        "1 | SELECT * FROM s WHERE name = 'bob",
        '  |                              ^^^^',
      ].join('\n'),
    );
  });

  it('reports a premature end of input after the last token', () => {
    const error = errorOf(() => parseStatement('SELECT a FROM b WHERE'));
    expect(error.code).toBe('UNEXPECTED_END');
    expect(error.span.start.column).toBe(22);
    expect(error.message).toBe('Syntax error: expected an expression but found end of input');
  });

  it('keeps tabs in the caret padding so the caret lines up', () => {
    const sql = 'SELECT *\n\tFROM s\n\tWHERE a = = b';
    const error = errorOf(() => parseStatement(sql));
    expect(error.render(sql).split('\n').slice(1)).toEqual([
      '3 | \tWHERE a = = b',
      '  | \t          ^',
    ]);
  });

  it.each([
    ['unterminated quoted identifier', 'SELECT `abc FROM s', 'UNTERMINATED_IDENTIFIER'],
    ['unterminated comment', 'SELECT a /* FROM s', 'UNTERMINATED_COMMENT'],
    ['stray character', 'SELECT a # b FROM s', 'INVALID_CHARACTER'],
    ['unsubstituted variable', 'SELECT * FROM ${t}', 'INVALID_CHARACTER'],
    [
      'NULL as a column type',
      "CREATE STREAM s (c NULL) WITH (kafka_topic='t')",
      'UNEXPECTED_TOKEN',
    ],
    ['unknown statement', 'SELEC * FROM s', 'UNEXPECTED_TOKEN'],
    ['missing statement separator', 'SHOW TOPICS SHOW STREAMS', 'UNEXPECTED_TOKEN'],
    [
      'bad window unit',
      'SELECT * FROM s WINDOW TUMBLING (SIZE 1 FORTNIGHT) GROUP BY a',
      'UNEXPECTED_TOKEN',
    ],
    ['empty input', '  -- nothing here\n', 'EMPTY_STATEMENT'],
  ])('%s is a SqlError with code %s', (_name, sql, code) => {
    expect(errorOf(() => parseStatement(sql)).code).toBe(code);
  });

  it('turns pathological nesting into NESTING_TOO_DEEP instead of overflowing the stack', () => {
    const deep = `${'('.repeat(50_000)}1${')'.repeat(50_000)}`;
    expect(errorOf(() => parseExpression(deep)).code).toBe('NESTING_TOO_DEEP');
    const deepUnary = `SELECT ${'- '.repeat(50_000)}1 FROM s`;
    expect(errorOf(() => parseStatement(deepUnary)).code).toBe('NESTING_TOO_DEEP');
    const deepType = `CREATE STREAM s (c ${'ARRAY<'.repeat(10_000)}INT${'>'.repeat(10_000)}) WITH (kafka_topic='t')`;
    expect(errorOf(() => parseStatement(deepType)).code).toBe('NESTING_TOO_DEEP');
  });

  it('rejects operator chains too long for recursive passes, and prints long but sane ones', () => {
    const chain = (terms: number): string => `SELECT ${Array(terms).fill('a').join(' + ')} FROM s`;
    expect(errorOf(() => parseStatement(chain(100_000))).code).toBe('NESTING_TOO_DEEP');
    expect(printStatement(parseStatement(chain(400)))).toBe(chain(400));
  });

  it('accepts moderately deep nesting', () => {
    expect(() => parseExpression(`${'('.repeat(100)}1${')'.repeat(100)}`)).not.toThrow();
  });

  it.each([
    ['SELEC * FROM s', 'SELECT'],
    ['SELECT a, b FORM s', 'FROM'],
    ['SELECT * FROM s EMIT CHANGS', 'CHANGES'],
    ['SELECT * FROM s WHERE a = 1 GRUP BY a', 'GROUP'],
    ['SELECT * FROM s WINDOW TUMBLING (SIZE 1 HOURZ)', 'HOURS'],
  ])('suggests the keyword a misspelling meant: %s', (sql, suggestion) => {
    const error = errorOf(() => parseStatement(sql));
    expect(error.message).toContain(`(did you mean ${suggestion}?)`);
    expect(error.details['suggestion']).toBe(suggestion);
  });

  it('carries structured details and is never retriable', () => {
    const error = errorOf(() => parseStatement('SELECT * FORM s'));
    expect(error.details).toEqual({ expected: 'FROM', found: 'FORM', suggestion: 'FROM' });
    expect(error.retriable).toBe(false);
  });
});
