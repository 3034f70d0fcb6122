import type { Value } from '../functions/function-contract';
import type { Row, Window } from '../serdes/serde-contract';

/**
 * What a compiled expression reads: the record's key and value columns (in the step's input
 * schema order) and the record metadata behind the pseudo columns.
 */
export interface EvalRow {
  readonly key: Row;
  readonly value: Row;
  readonly timestamp: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly window: Window | null;
}

/** Lambda parameters in scope, innermost first. */
export interface LambdaEnv {
  readonly names: readonly string[];
  readonly values: readonly Value[];
  readonly parent: LambdaEnv | null;
}

/** A compiled expression: evaluates against one row (and the lambda scope, inside a lambda). */
export type Evaluator = (row: EvalRow, env: LambdaEnv | null) => Value;
