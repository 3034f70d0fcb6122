import type { CallContext, ScalarFunction, TableFunction, Value } from '../function-contract';

type Body = (args: readonly Value[], ctx: CallContext) => Value;

/** A scalar function. */
export function scalarFn(name: string, call: Body): ScalarFunction {
  return { name: name.toUpperCase(), call };
}

/** A scalar function that returns NULL when any argument is NULL, as most ksqlDB functions do. */
export function strictFn(name: string, call: Body): ScalarFunction {
  return scalarFn(name, (args, ctx) =>
    args.some((a) => a === null || a === undefined) ? null : call(args, ctx),
  );
}

export function tableFn(
  name: string,
  call: (args: readonly Value[], ctx: CallContext) => readonly Value[],
): TableFunction {
  return { name: name.toUpperCase(), call };
}
