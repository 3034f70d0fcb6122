import type { SqlType } from '../../spec';
import type { CallContext, ScalarFunction, Value } from '../function-contract';
import { FunctionError } from '../function-contract';
import { compareValues, valuesEqual } from '../support/compare-values';
import { scalarFn, strictFn } from '../support/define';
import { scalarText } from '../support/numbers';
import { toJavaText } from '../support/value-text';

type List = readonly Value[];
const isNull = (v: Value) => v === null || v === undefined;

function distinct(values: List): Value[] {
  const out: Value[] = [];
  for (const v of values) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
  return out;
}

const contains = (values: List, v: Value) => values.some((x) => valuesEqual(x, v));

function sortValues(values: List, descending: boolean): Value[] {
  const present = values.filter((v) => !isNull(v));
  present.sort((a, b) => (descending ? compareValues(b, a) : compareValues(a, b)));
  return [...present, ...values.filter(isNull)];
}

function extreme(values: List, direction: 1 | -1): Value {
  let best: Value = null;
  for (const v of values)
    if (!isNull(v) && (best === null || compareValues(v, best) * direction > 0)) best = v;
  return best;
}

function elementType(ctx: CallContext): SqlType {
  const t = ctx.argTypes[0];
  return t?.kind === 'ARRAY' ? t.element : { kind: 'STRING' };
}

function slice(values: List, from: Value, to: Value): Value {
  const start = isNull(from) ? 1 : Number(from);
  const end = isNull(to) ? values.length : Number(to);
  return values.slice(Math.max(start - 1, 0), Math.max(end, 0));
}

function generateSeries(args: readonly Value[]): Value {
  const big = typeof args[0] === 'bigint';
  const [start, end] = [Number(args[0]), Number(args[1])];
  const step = args.length > 2 ? Number(args[2]) : start <= end ? 1 : -1;
  if (step === 0) throw new FunctionError('GENERATE_SERIES', 'step cannot be zero');
  if ((end - start) * step < 0)
    throw new FunctionError('GENERATE_SERIES', 'step has the wrong sign for the range');
  const out: Value[] = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) out.push(big ? BigInt(v) : v);
  return out;
}

function entries(map: Map<unknown, Value>, sorted: boolean): Value {
  const list = [...map].map(([K, V]) => ({ K, V }));
  if (sorted) list.sort((a, b) => compareValues(a.K, b.K));
  return list;
}

export const arrayImplementations: readonly ScalarFunction[] = [
  scalarFn('ARRAY_CONTAINS', ([a, v]) => (isNull(a) ? false : contains(a as List, v))),
  strictFn('ARRAY_DISTINCT', ([a]) => distinct(a as List)),
  strictFn('ARRAY_EXCEPT', ([a, b]) => distinct(a as List).filter((v) => !contains(b as List, v))),
  strictFn('ARRAY_INTERSECT', ([a, b]) =>
    distinct(a as List).filter((v) => contains(b as List, v)),
  ),
  strictFn('ARRAY_UNION', ([a, b]) => distinct([...(a as List), ...(b as List)])),
  scalarFn('ARRAY_CONCAT', ([a, b]) =>
    isNull(a) && isNull(b) ? null : [...((a ?? []) as List), ...((b ?? []) as List)],
  ),
  scalarFn('ARRAY_JOIN', (args, ctx) => {
    if (isNull(args[0])) return null;
    const delimiter = args.length > 1 ? ((args[1] ?? '') as string) : ',';
    return (args[0] as List).map((v) => toJavaText(v, elementType(ctx))).join(delimiter);
  }),
  strictFn('ARRAY_LENGTH', ([a]) => (a as List).length),
  strictFn('ARRAY_MAX', ([a]) => extreme(a as List, 1)),
  strictFn('ARRAY_MIN', ([a]) => extreme(a as List, -1)),
  scalarFn('ARRAY_REMOVE', ([a, v]) =>
    isNull(a) ? null : (a as List).filter((x) => !(isNull(v) ? isNull(x) : valuesEqual(x, v))),
  ),
  scalarFn('ARRAY_SORT', ([a, dir]) => {
    if (isNull(a)) return null;
    const direction = isNull(dir) ? 'ASC' : scalarText(dir).toUpperCase();
    if (direction !== 'ASC' && direction !== 'DESC') return null;
    return sortValues(a as List, direction === 'DESC');
  }),
  scalarFn('SLICE', ([a, from, to]) => (isNull(a) ? null : slice(a as List, from, to))),
  strictFn('GENERATE_SERIES', generateSeries),
  strictFn('ENTRIES', ([m, sorted]) => entries(m as Map<unknown, Value>, sorted === true)),
];
