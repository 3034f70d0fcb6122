import { FunctionError } from '../functions';
import { ExpressionError } from '../expression';
import type { StepContext } from './processor';
import type { StreamRecord } from './stream-record';

/**
 * Wraps a processing function so that a failing aggregate or table function (a data problem)
 * logs the record and skips it; infrastructure errors still propagate and fail the task.
 */
export function guarded(
  ctx: StepContext,
  fn: (record: StreamRecord) => Promise<void>,
): (record: StreamRecord) => Promise<void> {
  return async (record) => {
    try {
      await fn(record);
    } catch (error) {
      if (!isDataError(error)) throw error;
      ctx.report(
        'EXPRESSION_ERROR',
        error.message,
        record,
        'code' in error ? String(error.code) : error.name,
      );
    }
  };
}

/** Errors a value can cause: function and expression failures, BigInt range, decimal.js errors. */
function isDataError(error: unknown): error is Error {
  if (
    error instanceof FunctionError ||
    error instanceof ExpressionError ||
    error instanceof RangeError
  )
    return true;
  return error instanceof Error && error.message.startsWith('[DecimalError]');
}
