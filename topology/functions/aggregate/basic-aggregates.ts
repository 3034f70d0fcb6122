import Decimal from 'decimal.js';
import type { SqlType } from '../../spec';
import type { CallContext, Value } from '../function-contract';
import { FunctionError } from '../function-contract';
import { compareValues } from '../support/compare-values';
import { exactPlus } from '../support/exact-decimal';
import { toDecimal, toNumber } from '../support/numbers';
import { defineAggregate, isNull } from './define-aggregate';

/** COUNT(*) and COUNT() count rows; COUNT(x) counts rows where x is not NULL. */
export const count = defineAggregate<number>({
  name: 'COUNT',
  init: () => 0,
  add: (acc, args) => (args.length === 0 || !isNull(args[0]) ? acc + 1 : acc),
  undo: (acc, args) => (args.length === 0 || !isNull(args[0]) ? acc - 1 : acc),
  merge: (a, b) => a + b,
  result: (acc) => BigInt(acc),
});

function zero(type: SqlType): Value {
  switch (type.kind) {
    case 'BIGINT':
      return 0n;
    case 'DECIMAL':
      return new Decimal(0);
    default:
      return 0;
  }
}

/** Adds in the representation of `type`; DECIMAL sums fail on overflow like ksqlDB ("Numeric field overflow"). */
function plus(a: Value, b: Value, type: SqlType, fn: string): Value {
  switch (type.kind) {
    case 'BIGINT':
      return BigInt.asIntN(
        64,
        (a as bigint) + (typeof b === 'bigint' ? b : BigInt(Math.trunc(toNumber(b)))),
      );
    case 'INTEGER':
      return ((a as number) + toNumber(b)) | 0;
    case 'DECIMAL': {
      const sum = exactPlus(toDecimal(a), toDecimal(b));
      const integerDigits = sum.abs().trunc().isZero() ? 0 : sum.abs().trunc().toFixed().length;
      if (integerDigits > type.precision - type.scale)
        throw new FunctionError(fn, 'Numeric field overflow');
      return sum;
    }
    default:
      return toNumber(a) + toNumber(b);
  }
}

function negate(v: Value): Value {
  if (typeof v === 'bigint') return -v;
  if (Decimal.isDecimal(v)) return v.neg();
  return -toNumber(v);
}

export const sum = defineAggregate<Value>({
  name: 'SUM',
  init: (ctx) => zero(ctx.returnType),
  add: (acc, [v], ctx) => (isNull(v) ? acc : plus(acc, v, ctx.returnType, 'SUM')),
  undo: (acc, [v], ctx) => (isNull(v) ? acc : plus(acc, negate(v), ctx.returnType, 'SUM')),
  merge: (a, b, ctx) => plus(a, b, ctx.returnType, 'SUM'),
  result: (acc) => acc,
});

function listSum(list: Value, ctx: CallContext): Value {
  let total = zero(ctx.returnType);
  for (const v of (list ?? []) as Value[])
    if (!isNull(v)) total = plus(total, v, ctx.returnType, 'SUM_LIST');
  return total;
}

export const sumList = defineAggregate<Value>({
  name: 'SUM_LIST',
  init: (ctx) => zero(ctx.returnType),
  add: (acc, [list], ctx) => plus(acc, listSum(list ?? null, ctx), ctx.returnType, 'SUM_LIST'),
  undo: (acc, [list], ctx) =>
    plus(acc, negate(listSum(list ?? null, ctx)), ctx.returnType, 'SUM_LIST'),
  merge: (a, b, ctx) => plus(a, b, ctx.returnType, 'SUM_LIST'),
  result: (acc) => acc,
});

type Avg = { sum: number; count: number };

export const avg = defineAggregate<Avg>({
  name: 'AVG',
  init: () => ({ sum: 0, count: 0 }),
  add: (acc, [v]) => (isNull(v) ? acc : { sum: acc.sum + toNumber(v), count: acc.count + 1 }),
  undo: (acc, [v]) => (isNull(v) ? acc : { sum: acc.sum - toNumber(v), count: acc.count - 1 }),
  merge: (a, b) => ({ sum: a.sum + b.sum, count: a.count + b.count }),
  result: (acc) => (acc.count === 0 ? null : acc.sum / acc.count),
});

function extremum(name: string, direction: 1 | -1) {
  const better = (a: Value, b: Value): Value =>
    isNull(a) ? b : isNull(b) ? a : compareValues(b, a) * direction > 0 ? b : a;
  return defineAggregate<Value>({
    name,
    init: () => null,
    add: (acc, [v]) => better(acc, v ?? null),
    merge: (a, b) => better(a, b),
    result: (acc) => acc ?? null,
  });
}

export const min = extremum('MIN', -1);
export const max = extremum('MAX', 1);

type Moments = { n: number; mean: number; m2: number };

function stddev(name: string, sample: boolean) {
  return defineAggregate<Moments>({
    name,
    init: () => ({ n: 0, mean: 0, m2: 0 }),
    add: (acc, [v]) => {
      if (isNull(v)) return acc;
      const x = toNumber(v);
      const n = acc.n + 1;
      const delta = x - acc.mean;
      const mean = acc.mean + delta / n;
      return { n, mean, m2: acc.m2 + delta * (x - mean) };
    },
    undo: (acc, [v]) => {
      if (isNull(v) || acc.n <= 1) return isNull(v) ? acc : { n: 0, mean: 0, m2: 0 };
      const x = toNumber(v);
      const n = acc.n - 1;
      const mean = (acc.mean * acc.n - x) / n;
      return { n, mean, m2: acc.m2 - (x - acc.mean) * (x - mean) };
    },
    merge: (a, b) => {
      const n = a.n + b.n;
      if (n === 0) return a;
      const delta = b.mean - a.mean;
      return {
        n,
        mean: a.mean + (delta * b.n) / n,
        m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
      };
    },
    result: (acc) => {
      const denominator = sample ? acc.n - 1 : acc.n;
      if (acc.n === 0) return null;
      return denominator <= 0 ? 0 : Math.sqrt(Math.max(acc.m2, 0) / denominator);
    },
  });
}

export const stddevSamp = stddev('STDDEV_SAMP', true);
export const stddevSample = stddev('STDDEV_SAMPLE', true);
export const stddevPop = stddev('STDDEV_POP', false);

type Co = { n: number; meanX: number; meanY: number; c: number; m2x: number; m2y: number };

/** Pearson correlation of two columns, over rows where both are non-NULL (online, mergeable). */
export const correlation = defineAggregate<Co>({
  name: 'CORRELATION',
  init: () => ({ n: 0, meanX: 0, meanY: 0, c: 0, m2x: 0, m2y: 0 }),
  add: (acc, [x, y]) => {
    if (isNull(x) || isNull(y)) return acc;
    const [vx, vy] = [toNumber(x), toNumber(y)];
    const n = acc.n + 1;
    const dx = vx - acc.meanX;
    const meanX = acc.meanX + dx / n;
    const meanY = acc.meanY + (vy - acc.meanY) / n;
    return {
      n,
      meanX,
      meanY,
      c: acc.c + dx * (vy - meanY),
      m2x: acc.m2x + dx * (vx - meanX),
      m2y: acc.m2y + (vy - acc.meanY) * (vy - meanY),
    };
  },
  merge: (a, b) => {
    const n = a.n + b.n;
    if (a.n === 0 || b.n === 0) return a.n === 0 ? b : a;
    const dx = b.meanX - a.meanX;
    const dy = b.meanY - a.meanY;
    const f = (a.n * b.n) / n;
    return {
      n,
      meanX: a.meanX + (dx * b.n) / n,
      meanY: a.meanY + (dy * b.n) / n,
      c: a.c + b.c + dx * dy * f,
      m2x: a.m2x + b.m2x + dx * dx * f,
      m2y: a.m2y + b.m2y + dy * dy * f,
    };
  },
  result: (acc) =>
    acc.n < 2 || acc.m2x === 0 || acc.m2y === 0 ? NaN : acc.c / Math.sqrt(acc.m2x * acc.m2y),
});
