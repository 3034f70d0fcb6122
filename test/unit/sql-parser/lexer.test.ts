import { tokenize } from '../../../sql/lexer';
import { positionLocator } from '../../../sql/parser';
import { loadQttStatements } from './qtt-statements';

const summary = (sql: string): string[] =>
  tokenize(sql).map((t) =>
    t.type === 'eof' ? 'eof' : `${t.type}:${t.type === 'word' ? t.value : t.text}`,
  );

describe('lexer', () => {
  it('classifies words, quoted identifiers, strings, numbers and symbols', () => {
    expect(
      summary("select `a``b`, \"c\", 'd''e', 12, 1.10, .5, 1.5e3, 2E-3 -> => := || <> != <= >= ;"),
    ).toEqual([
      'word:SELECT',
      'quotedIdentifier:`a``b`',
      'symbol:,',
      'quotedIdentifier:"c"',
      'symbol:,',
      "string:'d''e'",
      'symbol:,',
      'integer:12',
      'symbol:,',
      'decimal:1.10',
      'symbol:,',
      'decimal:.5',
      'symbol:,',
      'double:1.5e3',
      'symbol:,',
      'double:2E-3',
      'symbol:->',
      'symbol:=>',
      'symbol::=',
      'symbol:||',
      'symbol:<>',
      'symbol:!=',
      'symbol:<=',
      'symbol:>=',
      'symbol:;',
      'eof',
    ]);
  });

  it('collapses doubled quotes in values', () => {
    const [identifier, string] = tokenize("`a``b` 'it''s'");
    expect(identifier?.value).toBe('a`b');
    expect(string?.value).toBe("it's");
  });

  it('drops line and block comments', () => {
    expect(summary('a -- comment ; b\n/* block\n ; */ c')).toEqual(['word:A', 'word:C', 'eof']);
  });

  it('reads digit-leading names as words, as ksqlDB does', () => {
    expect(summary('1R 2_x 10')).toEqual(['word:1R', 'word:2_X', 'integer:10', 'eof']);
  });

  it('tracks lines and columns across newlines', () => {
    const tokens = tokenize('a\n  bb\n\tc');
    expect(
      tokens.map((t) => [t.span.start.line, t.span.start.column, t.span.start.offset]),
    ).toEqual([
      [1, 1, 0],
      [2, 3, 4],
      [3, 2, 8],
      [3, 3, 9],
    ]);
  });

  it('offsets positions by an origin inside a larger script', () => {
    const [token] = tokenize('x', { offset: 100, line: 7, column: 5 });
    expect(token?.span).toEqual({
      start: { offset: 100, line: 7, column: 5 },
      end: { offset: 101, line: 7, column: 6 },
    });
  });

  it('gives every token of the QTT corpus a span that slices back to its text', () => {
    const statements = [...new Set(loadQttStatements().flatMap((t) => t.statements))];
    const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
    const mismatches: string[] = [];
    let checked = 0;
    for (const sql of statements) {
      const locate = positionLocator(sql);
      for (const { text, span } of tokenize(sql)) {
        checked++;
        const sliced = sql.slice(span.start.offset, span.end.offset) === text;
        const located =
          same(span.start, locate(span.start.offset)) && same(span.end, locate(span.end.offset));
        if (!sliced || !located) mismatches.push(`${text} at ${JSON.stringify(span)} in ${sql}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});
