import {
  ArrayConstructor,
  BooleanLiteral,
  Case,
  Cast,
  ColumnRef,
  DecimalLiteral,
  DoubleLiteral,
  type Expression,
  FunctionCall,
  type Identifier,
  IntegerLiteral,
  Lambda,
  MapConstructor,
  MapEntry,
  NullLiteral,
  StringLiteral,
  StructConstructor,
  StructField,
  TimeUnitArg,
  WhenClause,
} from '../ast';
import { timeUnitOf } from './duration-parser';
import { parseExpression } from './expression-parser';
import type { TokenStream } from './token-stream';
import { parseType } from './type-parser';

/** Literals, constructors, CASE, CAST, function calls, lambdas, column references, ( expr ). */
export function parsePrimary(ts: TokenStream): Expression {
  const token = ts.peek();
  const span = token.span;
  switch (token.type) {
    case 'string':
      ts.next();
      return StringLiteral.create({ value: token.value, span });
    case 'integer':
      ts.next();
      return IntegerLiteral.create({ text: token.text, span });
    case 'decimal':
      ts.next();
      return DecimalLiteral.create({ text: token.text, span });
    case 'double':
      ts.next();
      return DoubleLiteral.create({ text: token.text, span });
    case 'symbol':
      if (token.value === '(') return parseParenthesised(ts);
      throw ts.unexpected('an expression');
    case 'word':
      return parseWordPrimary(ts);
    case 'quotedIdentifier':
      return parseNamePrimary(ts);
    case 'eof':
      throw ts.unexpected('an expression');
  }
}

function parseWordPrimary(ts: TokenStream): Expression {
  const token = ts.peek();
  const span = token.span;
  switch (token.value) {
    case 'TRUE':
    case 'FALSE':
      ts.next();
      return BooleanLiteral.create({ value: token.value === 'TRUE', span });
    case 'NULL':
      ts.next();
      return NullLiteral.create({ span });
    case 'CASE':
      return parseCase(ts);
    case 'CAST':
      return parseCast(ts);
  }
  if (token.value === 'ARRAY' && ts.isSymbol('[', 1)) return parseArrayConstructor(ts);
  if (token.value === 'STRUCT' && ts.isSymbol('(', 1)) return parseStructConstructor(ts);
  if (token.value === 'MAP' && ts.isSymbol('(', 1)) return parseMapConstructor(ts);
  if (!ts.isIdentifier()) throw ts.unexpected('an expression');
  return parseNamePrimary(ts);
}

/** A column reference, a function call or a one-parameter lambda. */
function parseNamePrimary(ts: TokenStream): Expression {
  const first = ts.expectIdentifier();
  const start = first.span.start;
  if (ts.acceptSymbol('=>')) return parseLambdaBody(ts, [first], start);
  if (ts.isSymbol('(')) return parseFunctionCall(ts, first);
  if (ts.isSymbol('.') && ts.isIdentifier(1)) {
    ts.next();
    const name = ts.expectIdentifier('a column name');
    return ColumnRef.create({ source: first, name, span: ts.spanFrom(start) });
  }
  return ColumnRef.create({ name: first, span: first.span });
}

function parseLambdaBody(
  ts: TokenStream,
  params: Identifier[],
  start: Identifier['span']['start'],
): Expression {
  const body = parseExpression(ts);
  return Lambda.create({ params, body, span: ts.spanFrom(start) });
}

/** `( expr )` or the parameter list of a lambda `(a, b) => ...`. */
function parseParenthesised(ts: TokenStream): Expression {
  const open = ts.peek();
  if (isLambdaParameterList(ts)) {
    ts.next();
    const params: Identifier[] = [];
    if (!ts.isSymbol(')')) {
      do params.push(ts.expectIdentifier('a lambda parameter'));
      while (ts.acceptSymbol(','));
    }
    ts.expectSymbol(')');
    ts.expectSymbol('=>');
    return parseLambdaBody(ts, params, open.span.start);
  }
  ts.next();
  const inner = parseExpression(ts);
  ts.expectSymbol(')');
  return inner;
}

function isLambdaParameterList(ts: TokenStream): boolean {
  let ahead = 1;
  if (ts.isSymbol(')', ahead)) return ts.isSymbol('=>', ahead + 1);
  for (;;) {
    if (!ts.isIdentifier(ahead)) return false;
    ahead++;
    if (ts.isSymbol(')', ahead)) return ts.isSymbol('=>', ahead + 1);
    if (!ts.isSymbol(',', ahead)) return false;
    ahead++;
  }
}

function parseFunctionCall(ts: TokenStream, name: Identifier): Expression {
  ts.expectSymbol('(');
  const base = { name, distinct: false, star: false };
  if (ts.acceptSymbol('*')) {
    ts.expectSymbol(')');
    return FunctionCall.create({
      ...base,
      args: [],
      star: true,
      span: ts.spanFrom(name.span.start),
    });
  }
  const distinct = ts.acceptKeyword('DISTINCT');
  const args: Expression[] = [];
  if (!ts.isSymbol(')')) {
    do args.push(parseFunctionArgument(ts));
    while (ts.acceptSymbol(','));
  }
  ts.expectSymbol(')');
  return FunctionCall.create({ ...base, args, distinct, span: ts.spanFrom(name.span.start) });
}

function parseFunctionArgument(ts: TokenStream): Expression {
  const token = ts.peek();
  const unit = token.type === 'word' ? timeUnitOf(token.value) : undefined;
  if (unit !== undefined && (ts.isSymbol(',', 1) || ts.isSymbol(')', 1))) {
    ts.next();
    return TimeUnitArg.create({ unit, span: token.span });
  }
  return parseExpression(ts);
}

function parseCase(ts: TokenStream): Expression {
  const start = ts.expectKeyword('CASE').span.start;
  const operand = ts.isKeyword('WHEN') ? undefined : parseExpression(ts);
  const whens: WhenClause[] = [];
  do {
    const whenStart = ts.expectKeyword('WHEN').span.start;
    const condition = parseExpression(ts);
    ts.expectKeyword('THEN');
    const result = parseExpression(ts);
    whens.push(WhenClause.create({ condition, result, span: ts.spanFrom(whenStart) }));
  } while (ts.isKeyword('WHEN'));
  const otherwise = ts.acceptKeyword('ELSE') ? parseExpression(ts) : undefined;
  ts.expectKeyword('END');
  const span = ts.spanFrom(start);
  return Case.create({
    whens,
    span,
    ...(operand === undefined ? {} : { operand }),
    ...(otherwise === undefined ? {} : { else: otherwise }),
  });
}

function parseCast(ts: TokenStream): Expression {
  const start = ts.expectKeyword('CAST').span.start;
  ts.expectSymbol('(');
  const operand = parseExpression(ts);
  ts.expectKeyword('AS');
  const type = parseType(ts);
  ts.expectSymbol(')');
  return Cast.create({ operand, type, span: ts.spanFrom(start) });
}

function parseArrayConstructor(ts: TokenStream): Expression {
  const start = ts.next().span.start;
  ts.expectSymbol('[');
  const elements: Expression[] = [];
  if (!ts.isSymbol(']')) {
    do elements.push(parseExpression(ts));
    while (ts.acceptSymbol(','));
  }
  ts.expectSymbol(']');
  return ArrayConstructor.create({ elements, span: ts.spanFrom(start) });
}

function parseStructConstructor(ts: TokenStream): Expression {
  const start = ts.next().span.start;
  ts.expectSymbol('(');
  const fields: StructField[] = [];
  if (!ts.isSymbol(')')) {
    do {
      const name = ts.expectIdentifier('a struct field name');
      ts.expectSymbol(':=');
      const value = parseExpression(ts);
      fields.push(StructField.create({ name, value, span: ts.spanFrom(name.span.start) }));
    } while (ts.acceptSymbol(','));
  }
  ts.expectSymbol(')');
  return StructConstructor.create({ fields, span: ts.spanFrom(start) });
}

function parseMapConstructor(ts: TokenStream): Expression {
  const start = ts.next().span.start;
  ts.expectSymbol('(');
  const entries: MapEntry[] = [];
  if (!ts.isSymbol(')')) {
    do {
      const key = parseExpression(ts);
      ts.expectSymbol(':=');
      const value = parseExpression(ts);
      entries.push(MapEntry.create({ key, value, span: ts.spanFrom(key.span.start) }));
    } while (ts.acceptSymbol(','));
  }
  ts.expectSymbol(')');
  return MapConstructor.create({ entries, span: ts.spanFrom(start) });
}
