/**
 * A failure while evaluating an expression for one record (division by zero, bad cast, a
 * function that threw). It never stops a query: the expression yields NULL and the error goes
 * to the processing log with the record's coordinates.
 */
export class ExpressionError extends Error {
  readonly code = 'EXPRESSION_ERROR';
  readonly retriable = false;
  constructor(
    message: string,
    readonly expressionKind: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExpressionError';
  }
}

/** A spec expression that cannot be compiled (unknown column or function): a planner bug. */
export class ExpressionCompileError extends Error {
  readonly code = 'EXPRESSION_COMPILE_ERROR';
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionCompileError';
  }
}
