import type { ScalarFunction, Value } from '../function-contract';
import { scalarFn, strictFn } from '../support/define';

type AnyMap = Map<unknown, Value>;
const isNull = (v: Value) => v === null || v === undefined;

export const mapImplementations: readonly ScalarFunction[] = [
  strictFn('MAP_KEYS', ([m]) => [...(m as AnyMap).keys()]),
  strictFn('MAP_VALUES', ([m]) => [...(m as AnyMap).values()]),
  scalarFn('MAP_UNION', ([a, b]) => {
    if (isNull(a) && isNull(b)) return null;
    return new Map([...((a ?? new Map()) as AnyMap), ...((b ?? new Map()) as AnyMap)]);
  }),
  strictFn('AS_MAP', ([keys, values]) => {
    const k = keys as readonly Value[];
    const v = values as readonly Value[];
    const map = new Map<unknown, Value>();
    k.forEach((key, i) => {
      if (!isNull(key)) map.set(key, i < v.length ? (v[i] ?? null) : null);
    });
    return map;
  }),
];
