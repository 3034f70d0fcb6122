import type { ConfigDef } from '../config/config-def';
import type { SinkRecord } from '../data/connect-record';
import type { TaskContext } from './connector-context';
import type { Connector, Props } from './source-connector';

export type SinkConnector = Connector;

/** `topic:partition`, the key of offset maps handed to sink tasks. */
export type TopicPartitionKey = `${string}:${number}`;

export function topicPartitionKey(topic: string, partition: number): TopicPartitionKey {
  return `${topic}:${partition}`;
}

export type SinkTaskContext = TaskContext;

/**
 * A sink task. Lifecycle and guarantees:
 * - `start` once; then `put` with batches of records in offset order per partition.
 *   `put` may write synchronously or buffer.
 * - Before committing consumer offsets, the worker calls `flush(offsets)` with, per partition,
 *   the offset of the next record to read; when `flush` resolves, everything before those
 *   offsets must be durable in the destination. Only then are the offsets committed, so a crash
 *   replays records after the last commit (at least once; idempotent writes make it exact).
 * - A `put` or `flush` that throws a `RetriableError` is retried; any other error fails the task.
 * - `stop` once.
 */
export interface SinkTask {
  start(props: Props, context: SinkTaskContext): Promise<void>;
  put(records: readonly SinkRecord[]): Promise<void>;
  flush(offsets: ReadonlyMap<TopicPartitionKey, bigint>): Promise<void>;
  stop(): Promise<void>;
}

export interface SinkConnectorPlugin {
  readonly kind: 'sink';
  readonly className: string;
  readonly version: string;
  readonly configDef: ConfigDef;
  createConnector(): SinkConnector;
  createTask(): SinkTask;
}
