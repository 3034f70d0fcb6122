import type { CallContext, ScalarFunction, Value } from '../function-contract';
import { valuesEqual } from '../support/compare-values';
import { scalarFn } from '../support/define';
import { asNumericType } from '../support/numbers';

const isNull = (v: Value) => v === null || v === undefined;

/** Arguments widened to a common numeric type may arrive in their narrower representation. */
export function asReturnType(v: Value, ctx: CallContext): Value {
  return isNull(v) ? null : asNumericType(v, ctx.returnType);
}

export const conditionalImplementations: readonly ScalarFunction[] = [
  scalarFn('COALESCE', (args, ctx) =>
    asReturnType(
      args.find((a) => !isNull(a)),
      ctx,
    ),
  ),
  scalarFn('IFNULL', ([a, b], ctx) => asReturnType(isNull(a) ? b : a, ctx)),
  scalarFn('NULLIF', ([a, b], ctx) =>
    isNull(a) || valuesEqual(a, b) ? null : asReturnType(a, ctx),
  ),
  scalarFn('AS_VALUE', ([a]) => a ?? null),
];
