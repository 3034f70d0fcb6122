/** Errors of the state layer: misuse of a store, or a backend that failed (then retriable). */
export class StateStoreError extends Error {
  readonly code = 'STATE_STORE_ERROR';
  constructor(
    message: string,
    readonly store: string,
    readonly retriable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StateStoreError';
  }
}
