import type { QueryHandle as RunnerHandle } from '../../../topology';
import type { PersistentQueryRun, QueryRunMetrics, QueryRunState, QueryRunStatus } from '../ports';

/**
 * A persistent query run over the runner's handle: maps the runner's states onto the engine's
 * and derives a records-per-second rate from successive metric reads.
 */
export function runnerPersistentRun(handle: RunnerHandle, cleanUp: () => Promise<void>, now: () => number): PersistentQueryRun {
  let paused = false;
  let lastSample = { at: now(), recordsIn: 0 };
  let rate = 0;
  let lastMessageAt: number | undefined;
  return {
    pause: () => {
      paused = true;
      handle.pause();
      return Promise.resolve();
    },
    resume: () => {
      paused = false;
      handle.resume();
      return Promise.resolve();
    },
    stop: async ({ cleanUp: clean }) => {
      await handle.stop();
      if (clean) await cleanUp();
    },
    status: (): QueryRunStatus => {
      const { state, cause } = handle.status();
      const mapped = mapState(state, paused);
      return mapped === 'ERROR' ? { state: mapped, error: { message: cause ?? 'query failed', timestamp: now() } } : { state: mapped };
    },
    metrics: (): Promise<QueryRunMetrics> => {
      const m = handle.metrics();
      const at = now();
      if (m.recordsIn !== lastSample.recordsIn) lastMessageAt = at;
      if (at - lastSample.at >= 1_000) {
        rate = ((m.recordsIn - lastSample.recordsIn) * 1_000) / (at - lastSample.at);
        lastSample = { at, recordsIn: m.recordsIn };
      }
      return Promise.resolve({
        recordsIn: m.recordsIn,
        recordsOut: m.recordsOut,
        errors: m.processingErrors,
        consumerLag: m.lag,
        stateSizeBytes: 0,
        messagesPerSecond: rate,
        ...(lastMessageAt === undefined ? {} : { lastMessageAt }),
      });
    },
  };
}

function mapState(state: ReturnType<RunnerHandle['status']>['state'], paused: boolean): QueryRunState {
  switch (state) {
    case 'FAILED':
      return 'ERROR';
    case 'PAUSED':
      return 'PAUSED';
    case 'STOPPING':
    case 'STOPPED':
      return 'STOPPED';
    case 'CREATED':
    case 'STARTING':
    case 'RUNNING':
      return paused ? 'PAUSED' : 'RUNNING';
  }
}
