import { parseExpression } from '../../../sql/parser';
import { sexpr } from './sexpr';

const tree = (sql: string): string => sexpr(parseExpression(sql));

describe('expression parser', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['a / b % c', '(% (/ A B) C)'],
    ["'a' || b + 'c'", "(+ (|| 'a' B) 'c')"],
    ['-a * b', '(* (- A) B)'],
    ['-a[1]', '(- ([] A 1))'],
    ['a OR b AND c', '(OR A (AND B C))'],
    ['NOT a = b AND c', '(AND (not (= A B)) C)'],
    ['a = b OR c <> d', '(OR (= A B) (<> C D))'],
    ['a != b', '(<> A B)'],
    ['a + 1 > b * 2', '(> (+ A 1) (* B 2))'],
    ['x IS NOT NULL AND y IS NULL', '(AND (is-not-null X) (is-null Y))'],
    ['x BETWEEN 1 AND 2 AND y', '(AND (between X 1 2) Y)'],
    ['x NOT BETWEEN a - 1 AND b', '(not-between X (- A 1) B)'],
    ["x NOT IN (1, 'a')", "(not-in X 1 'a')"],
    ["x LIKE 'a%' ESCAPE '!'", "(like X 'a%' '!')"],
    ['a IS DISTINCT FROM b', '(IS DISTINCT FROM A B)'],
    ['a IS NOT DISTINCT FROM b + 1', '(IS NOT DISTINCT FROM A (+ B 1))'],
    ['a->b->c', '(-> (-> A B) C)'],
    ["m['k'][0]->f", "(-> ([] ([] M 'k') 0) F)"],
    ['s.col', 'S.COL'],
    ['CASE WHEN a THEN 1 ELSE 2 END', '(case [A 1] else 2)'],
    ["CASE a WHEN 1 THEN 'x' WHEN 2 THEN 'y' END", "(case A [1 'x'] [2 'y'])"],
    ['CAST(a AS BIGINT)', '(cast A PrimitiveType)'],
    ['COUNT(*)', '(COUNT *)'],
    ['count(distinct x)', '(COUNT distinct X)'],
    ['TRANSFORM(a, x => x + 1)', '(TRANSFORM A (lambda (X) (+ X 1)))'],
    ['REDUCE(a, 0, (s, x) => s + x)', '(REDUCE A 0 (lambda (S X) (+ S X)))'],
    ['TIMESTAMPADD(MILLISECONDS, 5, ROWTIME)', '(TIMESTAMPADD MILLISECONDS 5 ROWTIME)'],
    ['STRUCT(f := MAP(k := v), `g` := ARRAY[1])', '(struct F=(map K=V) g=(array 1))'],
    ['1.10', '1.10'],
    ['1.5E3', '1.5E3'],
    ["'it''s'", "'it's'"],
  ])('%s parses as %s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('keeps numeric literal text exactly and classifies it', () => {
    expect(parseExpression('1.10')).toMatchObject({ kind: 'DecimalLiteral', text: '1.10' });
    expect(parseExpression('1.5E3')).toMatchObject({ kind: 'DoubleLiteral', text: '1.5E3' });
    expect(parseExpression('9223372036854775807')).toMatchObject({
      kind: 'IntegerLiteral',
      text: '9223372036854775807',
    });
  });

  it('upper-cases bare identifiers and keeps quoted ones as written', () => {
    expect(parseExpression('myCol')).toMatchObject({
      name: { name: 'MYCOL', text: 'myCol', quote: 'none' },
    });
    expect(parseExpression('`myCol`')).toMatchObject({
      name: { name: 'myCol', text: 'myCol', quote: 'backtick' },
    });
    expect(parseExpression('"my""Col"')).toMatchObject({
      name: { name: 'my"Col', quote: 'double' },
    });
  });

  it('gives each node the span of its source text', () => {
    const e = parseExpression('a +\n  foo(1)');
    expect(e.span).toEqual({
      start: { offset: 0, line: 1, column: 1 },
      end: { offset: 12, line: 2, column: 9 },
    });
    if (e.kind !== 'Arithmetic') throw new Error('expected arithmetic');
    expect(e.right.span.start).toEqual({ offset: 6, line: 2, column: 3 });
  });
});
