import type { Logger } from 'pino';

/** What a running connector or task may ask of the worker. */
export interface ConnectorContext {
  readonly connectorName: string;
  readonly logger: Logger;
  /** Asks the worker to call `taskConfigs` again and restart the tasks (e.g. new tables appeared). */
  requestTaskReconfiguration(): void;
  /** Fails the connector from a background activity (the connector turns FAILED with this trace). */
  raiseError(error: Error): void;
}

/** Shared by source and sink task contexts. */
export interface TaskContext {
  readonly connectorName: string;
  readonly taskId: number;
  readonly logger: Logger;
  /** Aborted when the worker stops or pauses the task; long waits must end when it fires. */
  readonly signal: AbortSignal;
  /** Resolves after `ms` or as soon as `signal` aborts, whichever is first. */
  sleep(ms: number): Promise<void>;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
