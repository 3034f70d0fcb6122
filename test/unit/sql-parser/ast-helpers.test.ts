import { type Expression, queryExpressions, stripSpans, walkExpression } from '../../../sql/ast';
import { parseExpression, parseStatement } from '../../../sql/parser';

describe('AST helpers', () => {
  it('walks every sub-expression depth-first, parents first', () => {
    const names: string[] = [];
    walkExpression(parseExpression('f(a, CASE WHEN b THEN c->d ELSE e[g] END) + -h'), (node) => {
      if (node.kind === 'ColumnRef') names.push(node.name.name);
    });
    expect(names).toEqual(['A', 'B', 'C', 'E', 'G', 'H']);
  });

  it('lets a visit skip a subtree', () => {
    const seen: Expression['kind'][] = [];
    walkExpression(parseExpression('f(g(x)) + y'), (node) => {
      seen.push(node.kind);
      return node.kind !== 'FunctionCall';
    });
    expect(seen).toEqual(['Arithmetic', 'FunctionCall', 'ColumnRef']);
  });

  it('walks very deep trees without recursion', () => {
    let depth = 0;
    const deep = Array.from({ length: 150 }, () => 'NOT ').join('') + 'x';
    walkExpression(parseExpression(deep), () => void depth++);
    expect(depth).toBe(151);
  });

  it('lists the top-level expressions of a query in clause order', () => {
    const statement = parseStatement(
      'SELECT a, v->* FROM s JOIN t ON s.k = t.k WHERE w GROUP BY g HAVING h PARTITION BY p',
    );
    if (statement.kind !== 'Query') throw new Error('expected a query');
    const kinds = queryExpressions(statement).map((e) =>
      e.kind === 'ColumnRef' ? e.name.name : e.kind,
    );
    expect(kinds).toEqual(['A', 'V', 'Comparison', 'W', 'G', 'H', 'P']);
  });

  it('strips spans deeply without touching anything else', () => {
    expect(stripSpans(parseExpression('1'))).toEqual({ kind: 'IntegerLiteral', text: '1' });
  });
});
