import type { Expression, ExpressionKind } from './expressions';
import type { Statement, StatementKind } from './statement';
import type { TypeNode, TypeNodeKind } from './type-node';

/**
 * A handler per node kind. Passes written as visitors stop compiling when a kind is added,
 * which is the point: every pass must decide what the new node means.
 */
export type ExpressionVisitor<R> = {
  readonly [K in ExpressionKind]: (node: Extract<Expression, { kind: K }>) => R;
};
export type StatementVisitor<R> = {
  readonly [K in StatementKind]: (node: Extract<Statement, { kind: K }>) => R;
};
export type TypeNodeVisitor<R> = {
  readonly [K in TypeNodeKind]: (node: Extract<TypeNode, { kind: K }>) => R;
};

export function visitExpression<R>(node: Expression, visitor: ExpressionVisitor<R>): R {
  return (visitor[node.kind] as (n: Expression) => R)(node);
}

export function visitStatement<R>(node: Statement, visitor: StatementVisitor<R>): R {
  return (visitor[node.kind] as (n: Statement) => R)(node);
}

export function visitType<R>(node: TypeNode, visitor: TypeNodeVisitor<R>): R {
  return (visitor[node.kind] as (n: TypeNode) => R)(node);
}

const none: readonly Expression[] = [];

const children: ExpressionVisitor<readonly Expression[]> = {
  StringLiteral: () => none,
  IntegerLiteral: () => none,
  DecimalLiteral: () => none,
  DoubleLiteral: () => none,
  BooleanLiteral: () => none,
  NullLiteral: () => none,
  ColumnRef: () => none,
  TimeUnitArg: () => none,
  Arithmetic: (n) => [n.left, n.right],
  Comparison: (n) => [n.left, n.right],
  Logical: (n) => [n.left, n.right],
  UnaryArithmetic: (n) => [n.operand],
  Not: (n) => [n.operand],
  IsNull: (n) => [n.operand],
  Between: (n) => [n.operand, n.low, n.high],
  InList: (n) => [n.operand, ...n.values],
  Like: (n) => (n.escape === undefined ? [n.operand, n.pattern] : [n.operand, n.pattern, n.escape]),
  Case: (n) => [
    ...(n.operand === undefined ? [] : [n.operand]),
    ...n.whens.flatMap((w) => [w.condition, w.result]),
    ...(n.else === undefined ? [] : [n.else]),
  ],
  Cast: (n) => [n.operand],
  Dereference: (n) => [n.base],
  Subscript: (n) => [n.base, n.index],
  StructConstructor: (n) => n.fields.map((f) => f.value),
  ArrayConstructor: (n) => n.elements,
  MapConstructor: (n) => n.entries.flatMap((e) => [e.key, e.value]),
  FunctionCall: (n) => n.args,
  Lambda: (n) => [n.body],
};

/** The direct sub-expressions of an expression, in source order. */
export function childExpressions(node: Expression): readonly Expression[] {
  return visitExpression(node, children);
}

/**
 * Visits an expression and its descendants depth-first, parents before children. Returning
 * false from `visit` skips that node's children. Iterative, so deep trees cannot overflow.
 */
export function walkExpression(
  root: Expression,
  visit: (node: Expression) => boolean | void,
): void {
  const stack: Expression[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Expression;
    if (visit(node) === false) continue;
    const kids = childExpressions(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Expression);
  }
}
