import { isSqlError, renderSourceCaret } from '../../../sql';
import { EngineError, ErrorCodes, type KsqlEntity, StatementError } from '../engine-port';

/**
 * Turns any failure of one statement into the `StatementError` the front ends report. A SQL
 * error keeps its position: `line L:C: message`, then the source line with carets, rendered
 * against `scriptText` (the text the span points into).
 */
export function toStatementError(
  error: unknown,
  statementText: string,
  scriptText: string,
  entities: readonly KsqlEntity[] = [],
): StatementError {
  if (error instanceof StatementError) {
    return error.entities.length === 0 && entities.length > 0
      ? new StatementError(error.message, error.statementText, error.location, entities, {
          errorCode: error.errorCode,
          cause: error.cause,
          retriable: error.retriable,
        })
      : error;
  }
  if (isSqlError(error)) {
    const { line, column } = error.span.start;
    const message = `line ${line}:${column}: ${error.message}\n${renderSourceCaret(scriptText, error.span)}`;
    return new StatementError(message, statementText, { line, column }, entities, { cause: error });
  }
  if (error instanceof EngineError) {
    return new StatementError(error.message, statementText, undefined, entities, {
      errorCode: error.errorCode,
      cause: error,
      retriable: error.retriable,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StatementError(message, statementText, undefined, entities, {
    errorCode: ErrorCodes.serverError,
    cause: error,
    retriable: true,
  });
}

/** A statement rejected by an engine rule (drop rules, unknown query, ...): HTTP 400. */
export function rejected(message: string): EngineError {
  return new EngineError(ErrorCodes.badStatement, message);
}

export function notFound(message: string): EngineError {
  return new EngineError(ErrorCodes.notFound, message);
}
