import type { TopologySpec } from '../../topology/spec';
import type {
  PersistentQueryRun,
  QueryRunState,
  QueryRuntimePort,
  TransientQueryRun,
} from '../engine/ports';

/** A persistent query the engine started, waiting to be driven after the statements ran. */
export interface PendingQuery {
  readonly spec: TopologySpec;
  state: QueryRunState;
}

/**
 * The engine's runtime in driver mode: it runs nothing while statements execute, it only
 * remembers each persistent query in start order. The runner then drives the queries that are
 * still running, one after another, as ksqlDB's QTT harness does with one TopologyTestDriver
 * per query.
 */
export class DriverQueryRuntime implements QueryRuntimePort {
  readonly started: PendingQuery[] = [];

  startPersistent(spec: TopologySpec): Promise<PersistentQueryRun> {
    const query: PendingQuery = { spec, state: 'RUNNING' };
    this.started.push(query);
    const set = (state: QueryRunState) => (): Promise<void> => {
      query.state = state;
      return Promise.resolve();
    };
    return Promise.resolve({
      pause: set('PAUSED'),
      resume: set('RUNNING'),
      stop: set('STOPPED'),
      status: () => ({ state: query.state }),
      metrics: () =>
        Promise.resolve({
          recordsIn: 0,
          recordsOut: 0,
          errors: 0,
          consumerLag: 0,
          stateSizeBytes: 0,
          messagesPerSecond: 0,
        }),
    });
  }

  startTransient(): Promise<TransientQueryRun> {
    return Promise.reject(new Error('transient queries are not part of QTT cases'));
  }

  /** The queries to drive, in the order the statements started them. */
  running(): readonly TopologySpec[] {
    return this.started.filter((q) => q.state === 'RUNNING').map((q) => q.spec);
  }

  close(): Promise<void> {
    for (const q of this.started) q.state = 'STOPPED';
    return Promise.resolve();
  }
}
