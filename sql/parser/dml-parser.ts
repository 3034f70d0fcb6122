import {
  type Expression,
  type Identifier,
  InsertInto,
  InsertValues,
  type Position,
  type Statement,
} from '../ast';
import { parseExpression } from './expression-parser';
import { parseOptionalWith } from './property-parser';
import { parseQuery } from './query-parser';
import type { TokenStream } from './token-stream';

/** After INSERT: INTO x [(cols)] VALUES (...) or INTO x [WITH (...)] SELECT ... */
export function parseInsert(ts: TokenStream, start: Position): Statement {
  ts.expectKeyword('INTO');
  const target = ts.expectIdentifier('a stream or table name');
  if (ts.isSymbol('(') || ts.isKeyword('VALUES')) {
    const columns = ts.isSymbol('(') ? parseColumnNames(ts) : undefined;
    ts.expectKeyword('VALUES');
    ts.expectSymbol('(');
    const values: Expression[] = [];
    if (!ts.isSymbol(')')) {
      do values.push(parseExpression(ts));
      while (ts.acceptSymbol(','));
    }
    ts.expectSymbol(')');
    const span = ts.spanFrom(start);
    return InsertValues.create(
      columns === undefined ? { target, values, span } : { target, columns, values, span },
    );
  }
  const properties = parseOptionalWith(ts);
  const query = parseQuery(ts);
  return InsertInto.create({ target, properties, query, span: ts.spanFrom(start) });
}

function parseColumnNames(ts: TokenStream): Identifier[] {
  ts.expectSymbol('(');
  const names: Identifier[] = [];
  do names.push(ts.expectIdentifier('a column name'));
  while (ts.acceptSymbol(','));
  ts.expectSymbol(')');
  return names;
}
