/** A step the runtime cannot build from its spec (a planner bug, not a data problem). */
export class ProcessorError extends Error {
  readonly code = 'PROCESSOR_ERROR';
  readonly retriable = false;
  constructor(
    message: string,
    readonly stepId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProcessorError';
  }
}
