import type { Expression, LogicalSchema } from '../spec';
import type { EvalRow, Evaluator } from './eval-row';
import type { ExpressionError } from './expression-error';
import type { FunctionRegistry } from './function-registry';

export interface CompileOptions {
  /** The input schema of the step: column references resolve against it (key columns first). */
  readonly schema: LogicalSchema;
  readonly functions: FunctionRegistry;
  readonly config: Readonly<Record<string, string>>;
  /** Receives every evaluation failure with the row it happened on (the processing log). */
  readonly onError: (error: ExpressionError, row: EvalRow) => void;
}

export interface CompileContext extends CompileOptions {
  readonly compile: (expression: Expression) => Evaluator;
}
