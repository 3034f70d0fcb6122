/** Misuse of the test driver (a topic nothing reads): a test bug, not a data problem. */
export class DriverError extends Error {
  readonly code = 'DRIVER_ERROR';
  readonly retriable = false;
  constructor(
    message: string,
    readonly topic: string,
  ) {
    super(message);
    this.name = 'DriverError';
  }
}
