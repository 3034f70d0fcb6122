/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of asynchronous ports: nothing to wait for */
import type { TopologySpec } from '../../../topology/spec';
import type {
  PersistentQueryRun,
  QueryRunMetrics,
  QueryRunState,
  QueryRuntimePort,
  TransientQueryOptions,
  TransientQueryRun,
  TransientRow,
} from '../ports';

/** One persistent query as the recording runtime saw it. */
export interface RecordedRun {
  readonly spec: TopologySpec;
  readonly properties: Readonly<Record<string, string>>;
  state: QueryRunState;
  cleanedUp: boolean;
  error?: { readonly message: string; readonly timestamp: number };
}

/**
 * A runtime that runs nothing: it records which queries were started, paused, resumed and
 * stopped, so the engine's lifecycle rules can be tested without a broker. Transient queries
 * return the rows queued with `queueTransientRows` and then end.
 */
export class RecordingQueryRuntime implements QueryRuntimePort {
  readonly runs: RecordedRun[] = [];
  readonly transient: { readonly spec: TopologySpec; readonly options: TransientQueryOptions }[] = [];
  private nextRows: TransientRow[] = [];

  queueTransientRows(rows: readonly TransientRow[]): void {
    this.nextRows = [...rows];
  }

  /** Simulates a runtime failure of a running query. */
  fail(queryId: string, message: string): void {
    const run = this.runs.find((r) => r.spec.queryId === queryId && r.state !== 'STOPPED');
    if (run) {
      run.state = 'ERROR';
      run.error = { message, timestamp: 0 };
    }
  }

  active(): readonly RecordedRun[] {
    return this.runs.filter((r) => r.state !== 'STOPPED');
  }

  async startPersistent(spec: TopologySpec, properties: Readonly<Record<string, string>>): Promise<PersistentQueryRun> {
    const recorded: RecordedRun = { spec, properties, state: 'RUNNING', cleanedUp: false };
    this.runs.push(recorded);
    const metrics: QueryRunMetrics = { recordsIn: 0, recordsOut: 0, errors: 0, consumerLag: 0, stateSizeBytes: 0, messagesPerSecond: 0 };
    return {
      pause: async () => {
        recorded.state = 'PAUSED';
      },
      resume: async () => {
        recorded.state = 'RUNNING';
      },
      stop: async ({ cleanUp }) => {
        recorded.state = 'STOPPED';
        recorded.cleanedUp = cleanUp;
      },
      status: () => (recorded.error ? { state: recorded.state, error: recorded.error } : { state: recorded.state }),
      metrics: async () => metrics,
    };
  }

  async startTransient(spec: TopologySpec, options: TransientQueryOptions): Promise<TransientQueryRun> {
    this.transient.push({ spec, options });
    const rows = this.nextRows;
    this.nextRows = [];
    let closed = false;
    return {
      rows: (async function* () {
        for (const row of rows) {
          if (closed) return;
          yield row;
        }
      })(),
      close: async () => {
        closed = true;
      },
    };
  }

  async close(): Promise<void> {
    for (const run of this.runs) run.state = 'STOPPED';
  }
}
