import {
  AliasedSource,
  type Expression,
  HoppingWindow,
  type Identifier,
  Join,
  type JoinType,
  Query,
  type Refinement,
  type Relation,
  SelectAll,
  SelectColumn,
  SelectStructAll,
  type SelectItem,
  SessionWindow,
  TumblingWindow,
  type WindowExpression,
  WithinClause,
} from '../ast';
import { parseCount, parseDuration } from './duration-parser';
import { parseExpression } from './expression-parser';
import { suggestKeyword } from './suggest';
import type { TokenStream } from './token-stream';

/** SELECT ... FROM ... [WINDOW] [WHERE] [GROUP BY] [HAVING] [PARTITION BY] [EMIT] [LIMIT]. */
export function parseQuery(ts: TokenStream): Query {
  return ts.nested(() => {
    const start = ts.expectKeyword('SELECT').span.start;
    const select = parseSelectList(ts);
    expectFrom(ts);
    const from = parseRelation(ts);
    const window = ts.acceptKeyword('WINDOW') ? parseWindow(ts) : undefined;
    const where = ts.acceptKeyword('WHERE') ? parseExpression(ts) : undefined;
    const groupBy = ts.acceptKeyword('GROUP', 'BY') ? parseGroupingList(ts) : undefined;
    const having = ts.acceptKeyword('HAVING') ? parseExpression(ts) : undefined;
    const partitionBy = ts.acceptKeyword('PARTITION', 'BY') ? parseGroupingList(ts) : undefined;
    const emit = ts.acceptKeyword('EMIT') ? parseRefinement(ts) : undefined;
    const limit = ts.acceptKeyword('LIMIT') ? parseCount(ts, 'a row count') : undefined;
    return Query.create({
      select,
      from,
      span: ts.spanFrom(start),
      ...(window && { window }),
      ...(where && { where }),
      ...(groupBy && { groupBy }),
      ...(having && { having }),
      ...(partitionBy && { partitionBy }),
      ...(emit && { emit }),
      ...(limit !== undefined && { limit }),
    });
  });
}

/** FROM; a misspelt FROM has already been read as an alias (`SELECT a FORM s`), so blame it. */
function expectFrom(ts: TokenStream): void {
  const previous = ts.previous();
  if (
    !ts.isKeyword('FROM') &&
    previous.type === 'word' &&
    suggestKeyword(previous.value, ['FROM'])
  ) {
    throw ts.unexpected('FROM', previous);
  }
  ts.expectKeyword('FROM');
}

function parseSelectList(ts: TokenStream): SelectItem[] {
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(ts));
  while (ts.acceptSymbol(','));
  return items;
}

function parseSelectItem(ts: TokenStream): SelectItem {
  const token = ts.peek();
  if (ts.acceptSymbol('*')) return SelectAll.create({ span: token.span });
  if (ts.isIdentifier() && ts.isSymbol('.', 1) && ts.isSymbol('*', 2)) {
    const source = ts.expectIdentifier();
    ts.next();
    ts.next();
    return SelectAll.create({ source, span: ts.spanFrom(token.span.start) });
  }
  const expression = parseExpression(ts);
  if (ts.isSymbol('->') && ts.isSymbol('*', 1)) {
    ts.next();
    ts.next();
    return SelectStructAll.create({ base: expression, span: ts.spanFrom(token.span.start) });
  }
  const alias = parseAlias(ts);
  const span = ts.spanFrom(token.span.start);
  return SelectColumn.create(
    alias === undefined ? { expression, span } : { expression, alias, span },
  );
}

/** `[AS] alias`: without AS, any non-reserved word or quoted identifier. */
function parseAlias(ts: TokenStream): Identifier | undefined {
  if (ts.acceptKeyword('AS')) return ts.expectIdentifier('an alias');
  return ts.isIdentifier() ? ts.expectIdentifier() : undefined;
}

function parseAliasedSource(ts: TokenStream): AliasedSource {
  const name = ts.expectIdentifier('a stream or table name');
  const alias = parseAlias(ts);
  const span = ts.spanFrom(name.span.start);
  return AliasedSource.create(alias === undefined ? { name, span } : { name, alias, span });
}

function parseRelation(ts: TokenStream): Relation {
  let relation: Relation = parseAliasedSource(ts);
  for (;;) {
    const joinType = parseJoinType(ts);
    if (joinType === undefined) return relation;
    const right = parseAliasedSource(ts);
    const within = ts.isKeyword('WITHIN') ? parseWithin(ts) : undefined;
    ts.expectKeyword('ON');
    const on = parseExpression(ts);
    const span = ts.spanFrom(relation.span.start);
    const join = { joinType, left: relation, right, on, span };
    relation = Join.create(within === undefined ? join : { ...join, within });
  }
}

function parseJoinType(ts: TokenStream): JoinType | undefined {
  if (ts.acceptKeyword('JOIN')) return 'INNER';
  if (ts.acceptKeyword('INNER')) {
    ts.expectKeyword('JOIN');
    return 'INNER';
  }
  for (const type of ['LEFT', 'RIGHT', 'FULL'] as const) {
    if (ts.acceptKeyword(type)) {
      ts.acceptKeyword('OUTER');
      ts.expectKeyword('JOIN');
      return type;
    }
  }
  return undefined;
}

function parseWithin(ts: TokenStream): WithinClause {
  const start = ts.expectKeyword('WITHIN').span.start;
  let before;
  let after;
  if (ts.acceptSymbol('(')) {
    before = parseDuration(ts);
    ts.expectSymbol(',');
    after = parseDuration(ts);
    ts.expectSymbol(')');
  } else {
    before = parseDuration(ts);
  }
  const grace = ts.acceptKeyword('GRACE', 'PERIOD') ? parseDuration(ts) : undefined;
  return WithinClause.create({
    before,
    span: ts.spanFrom(start),
    ...(after && { after }),
    ...(grace && { grace }),
  });
}

function parseWindow(ts: TokenStream): WindowExpression {
  const start = ts.previous().span.start;
  if (ts.acceptKeyword('TUMBLING')) {
    ts.expectSymbol('(');
    ts.expectKeyword('SIZE');
    const size = parseDuration(ts);
    const options = parseWindowOptions(ts);
    return TumblingWindow.create({ size, ...options, span: ts.spanFrom(start) });
  }
  if (ts.acceptKeyword('HOPPING')) {
    ts.expectSymbol('(');
    ts.expectKeyword('SIZE');
    const size = parseDuration(ts);
    ts.expectSymbol(',');
    ts.expectKeyword('ADVANCE', 'BY');
    const advance = parseDuration(ts);
    const options = parseWindowOptions(ts);
    return HoppingWindow.create({ size, advance, ...options, span: ts.spanFrom(start) });
  }
  if (ts.acceptKeyword('SESSION')) {
    ts.expectSymbol('(');
    const gap = parseDuration(ts);
    const options = parseWindowOptions(ts);
    return SessionWindow.create({ gap, ...options, span: ts.spanFrom(start) });
  }
  throw ts.unexpected('TUMBLING, HOPPING or SESSION');
}

/** `[, RETENTION d] [, GRACE PERIOD d] )` in either order. */
function parseWindowOptions(ts: TokenStream): Pick<TumblingWindow, 'retention' | 'grace'> {
  let retention;
  let grace;
  while (ts.acceptSymbol(',')) {
    if (retention === undefined && ts.acceptKeyword('RETENTION')) retention = parseDuration(ts);
    else if (grace === undefined && ts.acceptKeyword('GRACE', 'PERIOD')) grace = parseDuration(ts);
    else
      throw ts.unexpected(retention === undefined ? 'RETENTION or GRACE PERIOD' : 'GRACE PERIOD');
  }
  ts.expectSymbol(')');
  return { ...(retention && { retention }), ...(grace && { grace }) };
}

/**
 * GROUP BY / PARTITION BY list. A parenthesised list `(a, b)` is the same as `a, b`; a single
 * parenthesised expression `(a + b)` is just that expression.
 */
function parseGroupingList(ts: TokenStream): Expression[] {
  if (ts.isSymbol('(') && isParenthesisedList(ts)) {
    ts.next();
    const list: Expression[] = [];
    if (!ts.isSymbol(')')) {
      do list.push(parseExpression(ts));
      while (ts.acceptSymbol(','));
    }
    ts.expectSymbol(')');
    return list;
  }
  const list: Expression[] = [];
  do list.push(parseExpression(ts));
  while (ts.acceptSymbol(','));
  return list;
}

/** True when the parenthesis opened at the cursor holds a top-level comma. */
function isParenthesisedList(ts: TokenStream): boolean {
  let depth = 0;
  for (let ahead = 0; ; ahead++) {
    const token = ts.peek(ahead);
    if (token.type === 'eof') return false;
    if (token.type !== 'symbol') continue;
    if (token.value === '(' || token.value === '[') depth++;
    else if (token.value === ')' || token.value === ']') {
      depth--;
      if (depth === 0) return false;
    } else if (token.value === ',' && depth === 1) return true;
  }
}

function parseRefinement(ts: TokenStream): Refinement {
  if (ts.acceptKeyword('CHANGES')) return 'CHANGES';
  if (ts.acceptKeyword('FINAL')) return 'FINAL';
  throw ts.unexpected('CHANGES or FINAL');
}
