import type { Expression as IrExpression } from '../../topology/spec';

export const sameIr = (a: IrExpression, b: IrExpression): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Rebuilds `expr` top-down, replacing the outermost sub-trees for which `replace` returns a value. */
export function rewriteIr(
  expr: IrExpression,
  replace: (e: IrExpression) => IrExpression | undefined,
): IrExpression {
  const direct = replace(expr);
  if (direct) return direct;
  const r = (e: IrExpression): IrExpression => rewriteIr(e, replace);
  switch (expr.kind) {
    case 'FunctionCall':
      return { ...expr, args: expr.args.map(r) };
    case 'Arithmetic':
    case 'Comparison':
    case 'IsDistinctFrom':
    case 'LogicalBinary':
      return { ...expr, left: r(expr.left), right: r(expr.right) };
    case 'Negate':
    case 'Not':
    case 'Cast':
    case 'IsNull':
      return { ...expr, operand: r(expr.operand) };
    case 'Case':
      return {
        ...expr,
        whens: expr.whens.map((w) => ({ condition: r(w.condition), result: r(w.result) })),
        else: expr.else ? r(expr.else) : null,
      };
    case 'In':
      return { ...expr, operand: r(expr.operand), list: expr.list.map(r) };
    case 'Between':
      return { ...expr, operand: r(expr.operand), low: r(expr.low), high: r(expr.high) };
    case 'Like':
      return { ...expr, operand: r(expr.operand), pattern: r(expr.pattern) };
    case 'Subscript':
      return { ...expr, base: r(expr.base), index: r(expr.index) };
    case 'Dereference':
      return { ...expr, base: r(expr.base) };
    case 'StructConstructor':
      return { ...expr, fields: expr.fields.map((f) => ({ name: f.name, value: r(f.value) })) };
    case 'ArrayConstructor':
      return { ...expr, elements: expr.elements.map(r) };
    case 'MapConstructor':
      return { ...expr, entries: expr.entries.map((e) => ({ key: r(e.key), value: r(e.value) })) };
    case 'Lambda':
      return { ...expr, body: r(expr.body) };
    default:
      return expr;
  }
}

/** Every column and pseudo-column reference in an expression. */
export function columnRefs(expr: IrExpression): IrExpression[] {
  const found: IrExpression[] = [];
  rewriteIr(expr, (e) => {
    if (e.kind === 'ColumnRef' || e.kind === 'PseudoColumn') found.push(e);
    return undefined;
  });
  return found;
}
