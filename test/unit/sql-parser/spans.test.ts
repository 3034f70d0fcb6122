import type { AstNode, Span } from '../../../sql/ast';
import { parseStatement } from '../../../sql/parser';
import { loadQttStatements } from './qtt-statements';

/** Every node (with its parent's span) in an AST. */
function* nodesWithParents(root: AstNode): Generator<[AstNode, Span | undefined]> {
  const stack: [unknown, Span | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [value, parent] = stack.pop() as [unknown, Span | undefined];
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, parent]);
    } else if (value !== null && typeof value === 'object') {
      const node = value as AstNode;
      yield [node, parent];
      for (const [key, child] of Object.entries(node))
        if (key !== 'span') stack.push([child, node.span]);
    }
  }
}

describe('node spans', () => {
  it('nest inside their parents and slice identifiers back to their source text (QTT corpus)', () => {
    const statements = [...new Set(loadQttStatements().flatMap((t) => t.statements))];
    const problems: string[] = [];
    for (const sql of statements) {
      let statement;
      try {
        statement = parseStatement(sql);
      } catch {
        continue;
      }
      for (const [node, parent] of nodesWithParents(statement)) {
        const { start, end } = node.span;
        if (start.offset > end.offset)
          problems.push(`${node.kind} ends before it starts in ${sql}`);
        if (
          parent !== undefined &&
          (start.offset < parent.start.offset || end.offset > parent.end.offset)
        ) {
          problems.push(`${node.kind} outside its parent in ${sql}`);
        }
        if (
          node.kind === 'Identifier' &&
          'text' in node &&
          'quote' in node &&
          node.quote === 'none'
        ) {
          if (sql.slice(start.offset, end.offset) !== node.text)
            problems.push(`identifier span off in ${sql}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('covers the statement text exactly, without the semicolon', () => {
    const sql = '  CREATE STREAM s AS SELECT a FROM t ;';
    const statement = parseStatement(sql);
    expect(sql.slice(statement.span.start.offset, statement.span.end.offset)).toBe(
      'CREATE STREAM s AS SELECT a FROM t',
    );
  });
});
