import type { CallContext, Value } from '../function-contract';
import { compareValues, valuesEqual } from '../support/compare-values';
import { scalarText } from '../support/numbers';
import { encodeValue } from '../support/value-codec';
import { defineAggregate, intConfig, isNull } from './define-aggregate';

const DEFAULT_LIMIT = 1000;
const listLimit = (ctx: CallContext) =>
  intConfig(ctx, 'ksql.functions.collect_list.limit', DEFAULT_LIMIT);
const setLimit = (ctx: CallContext) =>
  intConfig(ctx, 'ksql.functions.collect_set.limit', DEFAULT_LIMIT);

function removeFirst(list: readonly Value[], v: Value): Value[] {
  const at = list.findIndex((x) => valuesEqual(x, v) || (isNull(x) && isNull(v)));
  return at < 0 ? [...list] : [...list.slice(0, at), ...list.slice(at + 1)];
}

const has = (list: readonly Value[], v: Value) =>
  list.some((x) => valuesEqual(x, v) || (isNull(x) && isNull(v)));

export const collectList = defineAggregate<Value[]>({
  name: 'COLLECT_LIST',
  init: () => [],
  add: (acc, [v], ctx) => (acc.length >= listLimit(ctx) ? acc : [...acc, v ?? null]),
  undo: (acc, [v]) => removeFirst(acc, v ?? null),
  merge: (a, b, ctx) => [...a, ...b].slice(0, listLimit(ctx)),
  result: (acc) => acc,
});

export const collectSet = defineAggregate<Value[]>({
  name: 'COLLECT_SET',
  init: () => [],
  add: (acc, [v], ctx) =>
    acc.length >= setLimit(ctx) || has(acc, v ?? null) ? acc : [...acc, v ?? null],
  merge: (a, b, ctx) =>
    b
      .reduce<Value[]>((out, v) => (has(out, v) ? out : [...out, v]), [...a])
      .slice(0, setLimit(ctx)),
  result: (acc) => acc,
});

/** Keys are the encoded values, so equal values of any representation count once. */
export const countDistinct = defineAggregate<string[]>({
  name: 'COUNT_DISTINCT',
  init: () => [],
  add: (acc, [v]) => {
    if (isNull(v)) return acc;
    const key = encodeValue(v);
    return acc.includes(key) ? acc : [...acc, key];
  },
  merge: (a, b) => [...new Set([...a, ...b])],
  result: (acc) => BigInt(acc.length),
});

/** The k largest values, largest first; `k` is remembered for session merges. */
type TopK = { values: Value[]; k: number | null };

function topK(name: string, distinct: boolean) {
  const top = (values: Value[], k: number) =>
    values.sort((a, b) => compareValues(b, a)).slice(0, k);
  return defineAggregate<TopK>({
    name,
    init: () => ({ values: [], k: null }),
    add: (acc, [v, k]) => {
      const limit = Number(k);
      if (isNull(v) || (distinct && has(acc.values, v))) return { values: acc.values, k: limit };
      return { values: top([...acc.values, v], limit), k: limit };
    },
    merge: (a, b) => {
      const k = a.k ?? b.k ?? Math.max(a.values.length, b.values.length);
      const all = distinct
        ? b.values.reduce<Value[]>((out, v) => (has(out, v) ? out : [...out, v]), [...a.values])
        : [...a.values, ...b.values];
      return { values: top(all, k), k };
    },
    result: (acc) => acc.values,
  });
}

export const topk = topK('TOPK', false);
export const topkDistinct = topK('TOPKDISTINCT', true);

export const histogram = defineAggregate<Map<string, number>>({
  name: 'HISTOGRAM',
  init: () => new Map(),
  add: (acc, [v]) => {
    if (isNull(v)) return acc;
    const key = scalarText(v);
    if (!acc.has(key) && acc.size >= DEFAULT_LIMIT) return acc;
    return new Map(acc).set(key, (acc.get(key) ?? 0) + 1);
  },
  undo: (acc, [v]) => {
    if (isNull(v)) return acc;
    const key = scalarText(v);
    const next = new Map(acc);
    const n = (acc.get(key) ?? 0) - 1;
    if (n > 0) next.set(key, n);
    else next.delete(key);
    return next;
  },
  merge: (a, b) => {
    const out = new Map(a);
    for (const [k, n] of b) out.set(k, (out.get(k) ?? 0) + n);
    return out;
  },
  result: (acc) => new Map([...acc].map(([k, n]) => [k, BigInt(n)])),
});
