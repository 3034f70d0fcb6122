import { compareValues } from '../functions';
import { assertNever, type Expression, type SqlType } from '../spec';
import { arithmetic, negate } from './arithmetic';
import { castValue } from './cast';
import type { CompileContext } from './compile-context';
import type { Evaluator } from './eval-row';
import { ExpressionError } from './expression-error';
import { likeToRegExp } from './like';
import { sqlEquals } from './sql-equals';

type OperatorExpression = Extract<
  Expression,
  {
    kind:
      | 'Arithmetic'
      | 'Negate'
      | 'Comparison'
      | 'IsDistinctFrom'
      | 'LogicalBinary'
      | 'Not'
      | 'Case'
      | 'Cast'
      | 'In'
      | 'Between'
      | 'Like'
      | 'IsNull';
  }
>;

/**
 * Operators with ksqlDB's NULL semantics: arithmetic, NOT and LIKE yield NULL on a NULL operand;
 * comparisons, BETWEEN and IN yield FALSE (ksqlDB's generated code tests for null first);
 * AND/OR are three-valued.
 */
export function compileOperator(e: OperatorExpression, ctx: CompileContext): Evaluator {
  switch (e.kind) {
    case 'Arithmetic': {
      const [l, r, f] = [ctx.compile(e.left), ctx.compile(e.right), arithmetic(e.op, e.type)];
      return (row, env) => {
        const a = l(row, env);
        if (a === null) return null;
        const b = r(row, env);
        return b === null ? null : f(a, b);
      };
    }
    case 'Negate': {
      const [o, f] = [ctx.compile(e.operand), negate(e.type)];
      return (row, env) => {
        const a = o(row, env);
        return a === null ? null : f(a);
      };
    }
    case 'Comparison':
      return comparison(e, ctx);
    case 'IsDistinctFrom': {
      const [l, r] = [comparable(e.left, e.right, ctx), comparable(e.right, e.left, ctx)];
      return (row, env) => {
        const a = l(row, env);
        const b = r(row, env);
        const same = a === null || b === null ? a === b : sqlEquals(a, b);
        return e.negated ? same : !same;
      };
    }
    case 'LogicalBinary':
      return logical(e.op, ctx.compile(e.left), ctx.compile(e.right));
    case 'Not': {
      const o = ctx.compile(e.operand);
      return (row, env) => {
        const a = o(row, env);
        return a === null ? null : !a;
      };
    }
    case 'Case': {
      const whens = e.whens.map((w) => [ctx.compile(w.condition), ctx.compile(w.result)] as const);
      const otherwise = e.else ? ctx.compile(e.else) : () => null;
      return (row, env) => {
        for (const [condition, result] of whens)
          if (condition(row, env) === true) return result(row, env);
        return otherwise(row, env);
      };
    }
    case 'Cast': {
      const [o, from] = [ctx.compile(e.operand), e.operand.type];
      return (row, env) => {
        try {
          return castValue(o(row, env), from, e.type);
        } catch (error) {
          ctx.onError(
            error instanceof ExpressionError ? error : new ExpressionError(String(error), 'Cast'),
            row,
          );
          return null;
        }
      };
    }
    case 'In':
      return inList(e, ctx);
    case 'Between': {
      const [o, lo, hi] = [
        comparable(e.operand, e.low, ctx),
        comparable(e.low, e.operand, ctx),
        comparable(e.high, e.operand, ctx),
      ];
      return (row, env) => {
        const [v, a, b] = [o(row, env), lo(row, env), hi(row, env)];
        if (v === null || a === null || b === null) return false;
        const inside = compareValues(v, a) >= 0 && compareValues(v, b) <= 0;
        return e.negated ? !inside : inside;
      };
    }
    case 'Like':
      return like(e, ctx);
    case 'IsNull': {
      const o = ctx.compile(e.operand);
      return (row, env) => (o(row, env) === null) !== e.negated;
    }
    default:
      return assertNever(e, 'operator');
  }
}

const TEMPORAL = new Set(['TIMESTAMP', 'DATE', 'TIME']);

/** Evaluates `e`; a STRING compared with a temporal value is parsed as that temporal type. */
function comparable(e: Expression, other: Expression, ctx: CompileContext): Evaluator {
  const evaluate = ctx.compile(e);
  if (e.type.kind !== 'STRING' || !TEMPORAL.has(other.type.kind)) return evaluate;
  const to: SqlType = other.type;
  return (row, env) => castValue(evaluate(row, env), e.type, to);
}

function comparison(
  e: Extract<Expression, { kind: 'Comparison' }>,
  ctx: CompileContext,
): Evaluator {
  const [l, r] = [comparable(e.left, e.right, ctx), comparable(e.right, e.left, ctx)];
  const test = COMPARATORS[e.op];
  return (row, env) => {
    const a = l(row, env);
    if (a === null) return false;
    const b = r(row, env);
    return b === null ? false : test(a, b);
  };
}

const COMPARATORS: Record<
  Extract<Expression, { kind: 'Comparison' }>['op'],
  (a: unknown, b: unknown) => boolean
> = {
  '=': (a, b) => sqlEquals(a, b),
  '<>': (a, b) => !sqlEquals(a, b),
  '<': (a, b) => compareValues(a, b) < 0,
  '<=': (a, b) => compareValues(a, b) <= 0,
  '>': (a, b) => compareValues(a, b) > 0,
  '>=': (a, b) => compareValues(a, b) >= 0,
};

/** Three-valued AND/OR; the right side is skipped when the left decides. */
function logical(op: 'AND' | 'OR', l: Evaluator, r: Evaluator): Evaluator {
  const decisive = op === 'OR';
  return (row, env) => {
    const a = l(row, env);
    if (a === decisive) return decisive;
    const b = r(row, env);
    if (b === decisive) return decisive;
    return a === null || b === null ? null : !decisive;
  };
}

function inList(e: Extract<Expression, { kind: 'In' }>, ctx: CompileContext): Evaluator {
  const o = ctx.compile(e.operand);
  const items = e.list.map((item) => comparable(item, e.operand, ctx));
  return (row, env) => {
    const v = o(row, env);
    if (v === null) return false;
    for (const item of items) {
      const candidate = item(row, env);
      if (candidate !== null && sqlEquals(v, candidate)) return !e.negated;
    }
    return e.negated;
  };
}

function like(e: Extract<Expression, { kind: 'Like' }>, ctx: CompileContext): Evaluator {
  const [o, p] = [ctx.compile(e.operand), ctx.compile(e.pattern)];
  const cache = new Map<string, RegExp>();
  return (row, env) => {
    const v = o(row, env);
    const pattern = p(row, env);
    if (v === null || pattern === null) return null;
    let regex = cache.get(pattern as string);
    if (!regex) {
      regex = likeToRegExp(pattern as string, e.escape);
      if (cache.size < 1000) cache.set(pattern as string, regex);
    }
    return regex.test(v as string) !== e.negated;
  };
}
