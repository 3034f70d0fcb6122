import {
  EngineError,
  ErrorCodes,
  StatementError,
  type ErrorCode,
  type KsqlEntity,
} from '../engine/engine-port';

/** ksqlDB's error bodies: every 4xx/5xx answer carries one of these. */
export type KsqlErrorEntity =
  | {
      readonly '@type': 'generic_error';
      readonly error_code: number;
      readonly message: string;
    }
  | {
      readonly '@type': 'statement_error';
      readonly error_code: number;
      readonly message: string;
      readonly statementText: string;
      readonly entities: readonly KsqlEntity[];
    };

export interface ErrorResponse {
  readonly status: number;
  readonly body: KsqlErrorEntity;
}

/** A request the server itself rejects (bad JSON, missing field, unknown path, bad credentials). */
export class KsqlRestError extends Error {
  constructor(
    readonly errorCode: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KsqlRestError';
  }
}

export function genericError(errorCode: ErrorCode, message: string): ErrorResponse {
  return {
    status: Math.floor(errorCode / 100),
    body: { '@type': 'generic_error', error_code: errorCode, message },
  };
}

/** Maps any thrown value to ksqlDB's status code and error entity; unknown errors become 50000. */
export function toErrorResponse(err: unknown): ErrorResponse {
  if (err instanceof StatementError) {
    return {
      status: err.status,
      body: {
        '@type': 'statement_error',
        error_code: err.errorCode,
        message: err.message,
        statementText: err.statementText,
        entities: err.entities,
      },
    };
  }
  if (err instanceof EngineError || err instanceof KsqlRestError)
    return genericError(err.errorCode, err.message);
  const message = err instanceof Error ? err.message : String(err);
  return genericError(ErrorCodes.serverError, message);
}
