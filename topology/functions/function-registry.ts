import type { AggregateFunction, ScalarFunction, TableFunction } from './function-contract';
import { aggregateImplementations } from './aggregate';
import { scalarImplementations } from './scalar';
import { tableImplementations } from './table';

function index<F extends { readonly name: string }>(fns: readonly F[]): ReadonlyMap<string, F> {
  const map = new Map<string, F>();
  for (const fn of fns) {
    if (map.has(fn.name)) throw new Error(`Function ${fn.name} is implemented twice`);
    map.set(fn.name, fn);
  }
  return map;
}

const SCALARS = index(scalarImplementations);
const AGGREGATES = index<AggregateFunction<unknown>>(aggregateImplementations);
const TABLES = index(tableImplementations);

/** The implementation of a scalar function by name (case-insensitive). */
export function scalarFunction(name: string): ScalarFunction | undefined {
  return SCALARS.get(name.toUpperCase());
}

/** The implementation of an aggregate function by name (case-insensitive). */
export function aggregateFunction(name: string): AggregateFunction<unknown> | undefined {
  return AGGREGATES.get(name.toUpperCase());
}

/** The implementation of a table function by name (case-insensitive). */
export function tableFunction(name: string): TableFunction | undefined {
  return TABLES.get(name.toUpperCase());
}

/** Names of every implemented function, by kind (used by tests to check the catalog is covered). */
export function implementedFunctionNames(): {
  scalar: string[];
  aggregate: string[];
  table: string[];
} {
  return {
    scalar: [...SCALARS.keys()],
    aggregate: [...AGGREGATES.keys()],
    table: [...TABLES.keys()],
  };
}
