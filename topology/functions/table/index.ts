import type { TableFunction, Value } from '../function-contract';
import { tableFn } from '../support/define';

/** Every combination of the elements with NULLs in place of the others, as ksqlDB's CUBE_EXPLODE. */
function cube(values: readonly Value[]): Value[][] {
  const rows: Value[][] = [];
  const combinations = 1 << values.length;
  for (let mask = combinations - 1; mask >= 0; mask--) {
    rows.push(values.map((v, i) => ((mask >> (values.length - 1 - i)) & 1 ? null : v)));
  }
  return rows;
}

export const tableImplementations: readonly TableFunction[] = [
  tableFn('EXPLODE', ([list]) => (Array.isArray(list) ? list.map((v: Value) => v ?? null) : [])),
  tableFn('CUBE_EXPLODE', ([list]) => (Array.isArray(list) ? cube(list as Value[]) : [])),
];
