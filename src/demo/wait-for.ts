/** Raised when a condition the demo waits for does not hold in time. */
export class DemoTimeoutError extends Error {
  readonly code = 'DEMO_TIMEOUT';
  readonly retriable = true;
}

/** Polls `check` until it yields a value; throws after `timeoutMs` (or stops on `signal`). */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  check: () => Promise<T | undefined>,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (signal?.aborted) throw new DemoTimeoutError(`stopped while waiting for ${what}`);
    if (Date.now() > deadline)
      throw new DemoTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
