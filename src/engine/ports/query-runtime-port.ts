import type { TopologySpec } from '../../../topology/spec';

/** Run state of a persistent query as its runtime reports it. */
export type QueryRunState = 'RUNNING' | 'PAUSED' | 'ERROR' | 'STOPPED';

export interface QueryRunStatus {
  readonly state: QueryRunState;
  /** The cause of ERROR (an infrastructure failure the runtime could not retry). */
  readonly error?: { readonly message: string; readonly timestamp: number };
}

/** Counters of one running query, cumulative since it started in this process. */
export interface QueryRunMetrics {
  readonly recordsIn: number;
  readonly recordsOut: number;
  /** Records that went to the processing log (undecodable, failed expression, ...). */
  readonly errors: number;
  /** Sum over input partitions of end offset minus committed offset. */
  readonly consumerLag: number;
  readonly stateSizeBytes: number;
  /** Records in per second over the recent past. */
  readonly messagesPerSecond: number;
  readonly lastMessageAt?: number;
}

/** A persistent query running in this process (one member of the query's consumer group). */
export interface PersistentQueryRun {
  pause(): Promise<void>;
  resume(): Promise<void>;
  /**
   * Leaves the consumer group. With `cleanUp` (TERMINATE) the runtime also deletes the group,
   * the internal topics and the query's state; without it (shutdown) everything is kept so
   * a restart resumes where it stopped.
   */
  stop(options: { readonly cleanUp: boolean }): Promise<void>;
  status(): QueryRunStatus;
  metrics(): Promise<QueryRunMetrics>;
}

/** One output row of a transient query: the sink's key and value columns. */
export interface TransientRow {
  readonly key: readonly unknown[];
  /** `null` for a table tombstone (the key was deleted). */
  readonly value: readonly unknown[] | null;
  readonly timestamp: number;
  readonly window?: { readonly start: number; readonly end: number };
}

/**
 * A transient query: rows until `close`. A bounded run (pull queries) reads every input
 * partition from the beginning up to its end offset at start, then ends `rows` by itself.
 * Closing (or the end of a bounded run) deletes the query's consumer group and internal topics.
 */
export interface TransientQueryRun {
  readonly rows: AsyncIterable<TransientRow>;
  close(): Promise<void>;
}

export interface TransientQueryOptions {
  /** Read from the beginning (`auto.offset.reset=earliest`) instead of the end. */
  readonly fromBeginning: boolean;
  /** Stop once every input partition reached its end offset at start (pull queries). */
  readonly bounded: boolean;
}

/**
 * Runs topologies: the real implementation joins consumer groups on the broker with state in
 * Redis (`topology/runner`); the conformance runner's implementation drives the in-process
 * `TopologyTestDriver`. A persistent query started twice with the same spec (a restart, or a
 * second engine of the same service) joins the same consumer group and finds its state again.
 */
export interface QueryRuntimePort {
  /**
   * `properties` are the statement's properties (`auto.offset.reset`, `commit.interval.ms`,
   * `cache.max.bytes.buffering`, with or without `ksql.streams.`), as the command log holds them.
   */
  startPersistent(spec: TopologySpec, properties: Readonly<Record<string, string>>): Promise<PersistentQueryRun>;
  startTransient(spec: TopologySpec, options: TransientQueryOptions): Promise<TransientQueryRun>;
  close(): Promise<void>;
}
