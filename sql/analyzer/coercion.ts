import Decimal from 'decimal.js';
import {
  formatSqlType,
  sameSqlType,
  type Expression as IrExpression,
  type SqlType,
} from '../../topology/spec';
import type { Span } from '../ast';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { isUntypedNull, typedNull } from './literal-analysis';
import { commonType, isNumeric, numericStringType } from './types';

/** Converts `expr` to `type`: typed NULLs, parsed numeric string literals, or an explicit CAST. */
export function coerce(expr: IrExpression, type: SqlType, span: Span): IrExpression {
  if (isUntypedNull(expr)) return typedNull(type);
  if (sameSqlType(expr.type, type)) return expr;
  if (
    expr.kind === 'Literal' &&
    typeof expr.value === 'string' &&
    expr.type.kind === 'STRING' &&
    isNumeric(type)
  ) {
    return numericLiteral(expr.value, type, span);
  }
  return { kind: 'Cast', operand: expr, type };
}

function numericLiteral(text: string, type: SqlType, span: Span): IrExpression {
  if (numericStringType(text) === undefined) {
    fail(
      AnalysisErrorCodes.typeMismatch,
      `invalid input syntax for type ${formatSqlType(type)}: "${text}"`,
      span,
    );
  }
  const value = new Decimal(text.trim());
  switch (type.kind) {
    case 'INTEGER':
      return { kind: 'Literal', value: value.toNumber(), type };
    case 'BIGINT':
      return { kind: 'Literal', value: value.toFixed(0), type };
    case 'DECIMAL':
      return { kind: 'Literal', value: value.toFixed(type.scale), type };
    default:
      return { kind: 'Literal', value: value.toNumber(), type };
  }
}

/**
 * The common type of several expressions (ARRAY elements, CASE results, COALESCE arguments):
 * NULLs take the others' type, and string literals join a numeric type when they hold numbers.
 * Returns undefined when every expression is an untyped NULL.
 */
export function commonTypeOf(
  exprs: readonly IrExpression[],
  span: Span,
  what: string,
): SqlType | undefined {
  const typed = exprs.filter((e) => !isUntypedNull(e));
  const nonLiteralStrings = typed.filter((e) => !isStringLiteral(e));
  let result: SqlType | undefined;
  for (const expr of nonLiteralStrings) result = merge(result, expr.type, span, what);
  const numericTarget = result !== undefined && isNumeric(result);
  for (const expr of typed.filter(isStringLiteral)) {
    if (numericTarget && result) {
      const literalType = numericStringType(String(expr.kind === 'Literal' ? expr.value : ''));
      if (!literalType) {
        fail(
          AnalysisErrorCodes.typeMismatch,
          `invalid input syntax for type ${formatSqlType(result)}: "${String(expr.kind === 'Literal' ? expr.value : '')}"`,
          span,
        );
      }
      result = merge(result, literalType, span, what);
    } else {
      result = merge(result, expr.type, span, what);
    }
  }
  return result;
}

function merge(acc: SqlType | undefined, next: SqlType, span: Span, what: string): SqlType {
  if (!acc) return next;
  const merged = commonType(acc, next);
  if (!merged) {
    fail(
      AnalysisErrorCodes.typeMismatch,
      `${what}: incompatible types ${formatSqlType(acc)} and ${formatSqlType(next)}`,
      span,
    );
  }
  return merged;
}

function isStringLiteral(expr: IrExpression): boolean {
  return expr.kind === 'Literal' && expr.type.kind === 'STRING' && typeof expr.value === 'string';
}
