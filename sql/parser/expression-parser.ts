import {
  Arithmetic,
  type ArithmeticOperator,
  Between,
  Comparison,
  type ComparisonOperator,
  Dereference,
  type Expression,
  InList,
  IsNull,
  Like,
  Logical,
  Not,
  Subscript,
  UnaryArithmetic,
} from '../ast';
import type { Token } from '../lexer';
import { parsePrimary } from './primary-parser';
import type { TokenStream } from './token-stream';

/** Binding powers, loosest first. The printer uses the same table to place parentheses. */
export const Precedence = {
  lambda: 0,
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  unary: 7,
  postfix: 8,
  primary: 9,
} as const;

const comparisonOperators: Readonly<Record<string, ComparisonOperator>> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

const arithmeticOperators: Readonly<Record<string, [ArithmeticOperator, number]>> = {
  '+': ['+', Precedence.additive],
  '-': ['-', Precedence.additive],
  '||': ['||', Precedence.additive],
  '*': ['*', Precedence.multiplicative],
  '/': ['/', Precedence.multiplicative],
  '%': ['%', Precedence.multiplicative],
};

/** Pratt parser: an expression whose operators all bind at least as tightly as `minPrecedence`. */
export function parseExpression(
  ts: TokenStream,
  minPrecedence: number = Precedence.or,
): Expression {
  return ts.nested(() => {
    let left = parsePrefix(ts);
    for (;;) {
      const next = parseInfix(ts, left, minPrecedence);
      if (next === undefined) return left;
      left = next;
    }
  });
}

function parsePrefix(ts: TokenStream): Expression {
  const token = ts.peek();
  const start = token.span.start;
  if (ts.acceptKeyword('NOT')) {
    const operand = parseExpression(ts, Precedence.not);
    return Not.create({ operand, span: ts.spanFrom(start) });
  }
  if (ts.isSymbol('-') || ts.isSymbol('+')) {
    ts.next();
    const operand = parseExpression(ts, Precedence.unary);
    const operator = token.value === '-' ? '-' : '+';
    return UnaryArithmetic.create({ operator, operand, span: ts.spanFrom(start) });
  }
  return parsePrimary(ts);
}

/** One infix or postfix step applied to `left`, or undefined when the next token binds looser. */
function parseInfix(ts: TokenStream, left: Expression, min: number): Expression | undefined {
  const token = ts.peek();
  const start = left.span.start;
  if (token.type === 'symbol') {
    if (token.value === '[' && min <= Precedence.postfix) {
      ts.next();
      const index = parseExpression(ts);
      ts.expectSymbol(']');
      return Subscript.create({ base: left, index, span: ts.spanFrom(start) });
    }
    if (token.value === '->' && min <= Precedence.postfix && !ts.isSymbol('*', 1)) {
      ts.next();
      const field = ts.expectIdentifier('a struct field name');
      return Dereference.create({ base: left, field, span: ts.spanFrom(start) });
    }
    const arithmetic = arithmeticOperators[token.value];
    if (arithmetic !== undefined && min <= arithmetic[1]) {
      ts.next();
      const right = parseExpression(ts, arithmetic[1] + 1);
      return Arithmetic.create({ operator: arithmetic[0], left, right, span: ts.spanFrom(start) });
    }
    const comparison = comparisonOperators[token.value];
    if (comparison !== undefined && min <= Precedence.comparison) {
      ts.next();
      const right = parseExpression(ts, Precedence.additive);
      return Comparison.create({ operator: comparison, left, right, span: ts.spanFrom(start) });
    }
    return undefined;
  }
  if (token.type !== 'word') return undefined;
  if ((token.value === 'AND' || token.value === 'OR') && min <= precedenceOfLogical(token)) {
    ts.next();
    const right = parseExpression(ts, precedenceOfLogical(token) + 1);
    return Logical.create({ operator: token.value, left, right, span: ts.spanFrom(start) });
  }
  if (min > Precedence.comparison) return undefined;
  return parsePredicate(ts, left);
}

function precedenceOfLogical(token: Token): number {
  return token.value === 'AND' ? Precedence.and : Precedence.or;
}

/** IS [NOT] NULL, IS [NOT] DISTINCT FROM, [NOT] BETWEEN / IN / LIKE. */
function parsePredicate(ts: TokenStream, left: Expression): Expression | undefined {
  const start = left.span.start;
  if (ts.acceptKeyword('IS')) {
    const negated = ts.acceptKeyword('NOT');
    if (ts.acceptKeyword('NULL'))
      return IsNull.create({ operand: left, negated, span: ts.spanFrom(start) });
    ts.expectKeyword('DISTINCT', 'FROM');
    const right = parseExpression(ts, Precedence.additive);
    const operator = negated ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM';
    return Comparison.create({ operator, left, right, span: ts.spanFrom(start) });
  }
  const negatedKeyword = ts.isKeyword('NOT');
  const offset = negatedKeyword ? 1 : 0;
  if (ts.isKeyword('BETWEEN', offset)) {
    ts.acceptKeyword('NOT');
    ts.next();
    const low = parseExpression(ts, Precedence.additive);
    ts.expectKeyword('AND');
    const high = parseExpression(ts, Precedence.additive);
    return Between.create({
      operand: left,
      low,
      high,
      negated: negatedKeyword,
      span: ts.spanFrom(start),
    });
  }
  if (ts.isKeyword('IN', offset)) {
    ts.acceptKeyword('NOT');
    ts.next();
    ts.expectSymbol('(');
    const values: Expression[] = [];
    do values.push(parseExpression(ts));
    while (ts.acceptSymbol(','));
    ts.expectSymbol(')');
    return InList.create({
      operand: left,
      values,
      negated: negatedKeyword,
      span: ts.spanFrom(start),
    });
  }
  if (ts.isKeyword('LIKE', offset)) {
    ts.acceptKeyword('NOT');
    ts.next();
    const pattern = parseExpression(ts, Precedence.additive);
    const escape = ts.acceptKeyword('ESCAPE')
      ? parseExpression(ts, Precedence.additive)
      : undefined;
    const like = { operand: left, pattern, negated: negatedKeyword, span: ts.spanFrom(start) };
    return Like.create(escape === undefined ? like : { ...like, escape });
  }
  return undefined;
}
