import type { SqlType } from '../spec';

/**
 * The contract between the runtime and function implementations. The planner resolves a call
 * to a function name plus argument and return types (signatures live in `sql/functions`);
 * the runtime looks the implementation up by the same upper-case name.
 *
 * Values follow the representation documented in `topology/spec/sql-type.ts`.
 */
export type Value = unknown;

/** A lambda argument (`x => x + 1`) as the runtime hands it to a higher-order function. */
export type LambdaValue = (...args: Value[]) => Value;

export interface CallContext {
  /** Types of the actual arguments, as the planner resolved them. */
  readonly argTypes: readonly SqlType[];
  /** The return type the planner resolved. */
  readonly returnType: SqlType;
  /** Engine settings that change function behaviour (for example `ksql.functions.substring.legacy.args`). */
  readonly config: Readonly<Record<string, string>>;
  /**
   * Wall clock in epoch milliseconds, for UNIX_TIMESTAMP() and UNIX_DATE(). The runtime passes
   * its injected clock so tests and replays control "now"; absent means `Date.now`.
   */
  readonly wallClock?: () => number;
  /** Uniform numbers in [0, 1) for RANDOM(); absent means `Math.random`. */
  readonly random?: () => number;
}

/**
 * A scalar function. `call` receives already-evaluated arguments (null for SQL NULL, lambdas as
 * `LambdaValue`) and returns a value or null. It may throw a `FunctionError`; the processor
 * turns that into a processing-log entry, as ksqlDB does, and uses null.
 */
export interface ScalarFunction {
  readonly name: string;
  call(args: readonly Value[], ctx: CallContext): Value;
}

/** A table function (EXPLODE and friends): one input row becomes zero or more rows. */
export interface TableFunction {
  readonly name: string;
  call(args: readonly Value[], ctx: CallContext): readonly Value[];
}

/**
 * An aggregate function. Its accumulator is stored in a state store, so it must be encodable
 * by `encodeAccumulator`/`decodeAccumulator` (JSON text), including bigint and Decimal values.
 * `undo` exists for table aggregations (a retracted row); `merge` for session windows.
 */
export interface AggregateFunction<Acc = Value> {
  readonly name: string;
  init(ctx: CallContext): Acc;
  add(acc: Acc, args: readonly Value[], ctx: CallContext): Acc;
  undo?(acc: Acc, args: readonly Value[], ctx: CallContext): Acc;
  merge?(left: Acc, right: Acc, ctx: CallContext): Acc;
  result(acc: Acc, ctx: CallContext): Value;
  encodeAccumulator(acc: Acc, ctx: CallContext): string;
  decodeAccumulator(text: string, ctx: CallContext): Acc;
}

/** Thrown by a function for a bad argument value; never for an infrastructure problem. */
export class FunctionError extends Error {
  readonly code = 'FUNCTION_ERROR';
  constructor(
    readonly functionName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${functionName}: ${message}`, options);
    this.name = 'FunctionError';
  }
}
