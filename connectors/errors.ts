/**
 * The connectors subsystem's error taxonomy. REST maps `httpStatus` to Connect's
 * `{"error_code": status, "message": ...}` body; the worker uses `retriable` to decide between
 * retrying an operation and failing the task.
 */
export type ConnectErrorCode =
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'BAD_CONFIG'
  | 'BAD_REQUEST'
  | 'CONFLICT_STATE'
  | 'CONVERSION'
  | 'DATA'
  | 'RETRIABLE'
  | 'INTERNAL';

export interface ConnectErrorFields {
  readonly connector?: string;
  readonly task?: number;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
  readonly cause?: unknown;
}

export class ConnectError extends Error {
  readonly code: ConnectErrorCode;
  readonly retriable: boolean;
  readonly httpStatus: number;
  readonly fields: ConnectErrorFields;

  constructor(
    code: ConnectErrorCode,
    message: string,
    options: { retriable?: boolean; httpStatus?: number } & ConnectErrorFields = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.httpStatus = options.httpStatus ?? 500;
    this.fields = {
      ...(options.connector === undefined ? {} : { connector: options.connector }),
      ...(options.task === undefined ? {} : { task: options.task }),
      ...(options.topic === undefined ? {} : { topic: options.topic }),
      ...(options.partition === undefined ? {} : { partition: options.partition }),
      ...(options.offset === undefined ? {} : { offset: options.offset }),
    };
  }
}

export class NotFoundError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('NOT_FOUND', message, { ...fields, httpStatus: 404 });
  }
}

export class AlreadyExistsError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('ALREADY_EXISTS', message, { ...fields, httpStatus: 409 });
  }
}

/** A connector config that fails validation; `errors` lists one message per failing key. */
export class BadConfigError extends ConnectError {
  readonly errors: readonly string[];
  constructor(
    message: string,
    errors: readonly string[] = [message],
    fields: ConnectErrorFields = {},
  ) {
    super('BAD_CONFIG', message, { ...fields, httpStatus: 400 });
    this.errors = errors;
  }
}

export class BadRequestError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('BAD_REQUEST', message, { ...fields, httpStatus: 400 });
  }
}

/** A request that is valid but not allowed in the connector's current state (e.g. offsets while RUNNING). */
export class StateConflictError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('CONFLICT_STATE', message, { ...fields, httpStatus: 400 });
  }
}

/** A record that a converter cannot turn into bytes or back. */
export class ConversionError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('CONVERSION', message, fields);
  }
}

/** A record whose data does not fit its schema or its destination (a sink's table). */
export class DataError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('DATA', message, fields);
  }
}

/** A transient failure (network, broker, database restart): the operation may be retried. */
export class RetriableError extends ConnectError {
  constructor(message: string, fields: ConnectErrorFields = {}) {
    super('RETRIABLE', message, { ...fields, retriable: true });
  }
}

export function stackTrace(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? '' : `\nCaused by: ${stackTrace(error.cause)}`;
    return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`;
  }
  return String(error);
}

export function assertNever(value: never): never {
  throw new ConnectError('INTERNAL', `unexpected value ${JSON.stringify(value)}`);
}
