import type { AggregateFunction, CallContext, Value } from '../function-contract';
import { decodeValue, encodeValue } from '../support/value-codec';

/** An aggregate whose accumulator is itself a run-time value, stored with the lossless value codec. */
export interface AggregateSpec<Acc extends Value> {
  readonly name: string;
  init(ctx: CallContext): Acc;
  add(acc: Acc, args: readonly Value[], ctx: CallContext): Acc;
  undo?(acc: Acc, args: readonly Value[], ctx: CallContext): Acc;
  merge?(left: Acc, right: Acc, ctx: CallContext): Acc;
  result(acc: Acc, ctx: CallContext): Value;
}

export function defineAggregate<Acc extends Value>(
  spec: AggregateSpec<Acc>,
): AggregateFunction<Acc> {
  return {
    ...spec,
    name: spec.name.toUpperCase(),
    encodeAccumulator: (acc) => encodeValue(acc),
    decodeAccumulator: (text) => decodeValue(text) as Acc,
  };
}

export const isNull = (v: Value): v is null | undefined => v === null || v === undefined;

/** An integer engine setting, or the default. */
export function intConfig(ctx: CallContext, key: string, fallback: number): number {
  const raw = ctx.config[key];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
}
