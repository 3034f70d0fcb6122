import { aggregateFunction, scalarFunction, tableFunction } from '../functions';
import type { AggregateFunction, ScalarFunction, TableFunction } from '../functions';

/**
 * How the runtime finds function implementations by the upper-case names the planner resolved.
 * A port, so tests and embedders can pass their own; `builtinFunctions` is the library in
 * `topology/functions`.
 */
export interface FunctionRegistry {
  scalar(name: string): ScalarFunction | undefined;
  aggregate(name: string): AggregateFunction<unknown> | undefined;
  table(name: string): TableFunction | undefined;
}

export const builtinFunctions: FunctionRegistry = {
  scalar: scalarFunction,
  aggregate: aggregateFunction,
  table: tableFunction,
};
