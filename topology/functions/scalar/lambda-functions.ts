import type { LambdaValue, ScalarFunction, Value } from '../function-contract';
import { scalarFn } from '../support/define';

type AnyMap = Map<unknown, Value>;
const isNull = (v: Value) => v === null || v === undefined;

/** TRANSFORM, FILTER and REDUCE over an ARRAY or a MAP; a NULL collection gives NULL. */
export const lambdaImplementations: readonly ScalarFunction[] = [
  scalarFn('TRANSFORM', (args) => {
    const [input, f, g] = args;
    if (isNull(input)) return null;
    if (Array.isArray(input)) return input.map((v) => (f as LambdaValue)(v));
    const out = new Map<unknown, Value>();
    for (const [k, v] of input as AnyMap)
      out.set((f as LambdaValue)(k, v), (g as LambdaValue)(k, v));
    return out;
  }),
  scalarFn('FILTER', ([input, p]) => {
    if (isNull(input)) return null;
    const predicate = p as LambdaValue;
    if (Array.isArray(input)) return (input as Value[]).filter((v) => predicate(v) === true);
    return new Map<unknown, Value>(
      [...(input as AnyMap)].filter(([k, v]) => predicate(k, v) === true),
    );
  }),
  scalarFn('REDUCE', ([input, init, f]) => {
    if (isNull(input)) return null;
    const fn = f as LambdaValue;
    let state: Value = init ?? null;
    if (Array.isArray(input)) for (const v of input) state = fn(state, v);
    else for (const [k, v] of input as AnyMap) state = fn(state, k, v);
    return state;
  }),
];
