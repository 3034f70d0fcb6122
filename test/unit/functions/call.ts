import {
  aggregateFunction,
  scalarFunction,
  tableFunction,
  type Value,
} from '../../../topology/functions';
import { resolveCall, type ArgType } from '../../../sql/functions';
import type { SqlType } from '../../../topology/spec';

/**
 * Calls a function the way the runtime will: resolve the signature from the argument types,
 * then invoke the implementation with the resolved types in the context.
 */
export function call(
  name: string,
  args: readonly Value[],
  types: readonly ArgType[],
  config: Record<string, string> = {},
): Value {
  const resolved = resolveCall(name, types);
  const fn = scalarFunction(name);
  if (!fn) throw new Error(`no implementation for ${name}`);
  return fn.call(args, { argTypes: resolved.argTypes, returnType: resolved.returnType, config });
}

export function explode(
  name: string,
  args: readonly Value[],
  types: readonly SqlType[],
): readonly Value[] {
  const resolved = resolveCall(name, types);
  return tableFunction(name)!.call(args, {
    argTypes: resolved.argTypes,
    returnType: resolved.returnType,
    config: {},
  });
}

/** Feeds rows through an aggregate and returns the result after each one (an emitted update). */
export function aggregate(
  name: string,
  rows: readonly (readonly Value[])[],
  types: readonly ArgType[],
  config: Record<string, string> = {},
): Value[] {
  const resolved = resolveCall(name, types);
  const fn = aggregateFunction(name)!;
  const ctx = { argTypes: resolved.argTypes, returnType: resolved.returnType, config };
  let acc = fn.init(ctx);
  return rows.map((row) => {
    acc = fn.decodeAccumulator(fn.encodeAccumulator(fn.add(acc, row, ctx), ctx), ctx);
    return fn.result(acc, ctx);
  });
}
