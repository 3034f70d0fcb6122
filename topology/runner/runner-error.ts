/**
 * The task runner's errors. `retriable` errors (a broker or Redis that is briefly unavailable, a
 * rebalance) make the runner retry the commit cycle; the others move the query to FAILED with
 * the error as its cause.
 */
export type RunnerErrorCode =
  'INVALID_SPEC' | 'NOT_CO_PARTITIONED' | 'TOPIC_MISSING' | 'COMMIT_FAILED' | 'INFRASTRUCTURE';

export interface RunnerErrorFields {
  readonly queryId: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly taskId?: string;
}

export class RunnerError extends Error {
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
    readonly retriable: boolean,
    readonly fields: RunnerErrorFields,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RunnerError';
  }
}

/** Whether an error from any subsystem (they all carry `retriable`) can be retried. */
export function isRetriable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { retriable?: unknown }).retriable === true
  );
}

export function describeError(error: unknown): {
  code: string;
  message: string;
  retriable: boolean;
} {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return {
    code: typeof e.code === 'string' ? e.code : 'UNKNOWN',
    message: typeof e.message === 'string' ? e.message : String(error),
    retriable: isRetriable(error),
  };
}
