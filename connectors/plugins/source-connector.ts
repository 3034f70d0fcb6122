import type { ConfigDef } from '../config/config-def';
import type { RecordMetadata, SourceRecord } from '../data/connect-record';
import type { ConnectorContext, TaskContext } from './connector-context';

export type Props = Readonly<Record<string, string>>;
export type SourcePartition = Readonly<Record<string, unknown>>;
export type SourceOffset = Readonly<Record<string, unknown>>;

/** Reads the offsets the worker stored for this connector (the `connect-offsets` topic). */
export interface OffsetStorageReader {
  offset(partition: SourcePartition): SourceOffset | null;
}

export interface SourceTaskContext extends TaskContext {
  readonly offsetStorageReader: OffsetStorageReader;
}

/**
 * A connector divides work into task configs; the worker runs the tasks.
 * Lifecycle: `validate` (optional, extra checks beyond the ConfigDef) -> `start` -> `taskConfigs`
 * (again after `requestTaskReconfiguration`) -> `stop`.
 */
export interface Connector {
  start(props: Props, context: ConnectorContext): Promise<void>;
  taskConfigs(maxTasks: number): Promise<readonly Props[]>;
  stop(): Promise<void>;
  /** Checks that need I/O (connecting, listing tables); errors keyed by config name. */
  validate?(props: Props): Promise<Readonly<Record<string, readonly string[]>>>;
}

export type SourceConnector = Connector;

/**
 * A source task. Lifecycle and guarantees:
 * - `start` once, then `poll` in a loop; `poll` may wait (use `context.sleep`) but must return
 *   promptly once `context.signal` aborts. An empty array or null means "nothing now".
 * - For every returned record the worker converts, transforms and produces it, waits for Kafka's
 *   acknowledgement, and only then calls `commitRecord(record, metadata)` in produce order
 *   (metadata is null for a record a transformation dropped).
 * - After the acknowledged records' offsets are durably stored in the offsets topic, the worker
 *   calls `commit()`. A source that must acknowledge upstream (a replication slot's LSN) does it
 *   there: everything before the stored offset is safe in Kafka.
 * - `stop` once; no `poll` runs concurrently with it.
 */
export interface SourceTask {
  start(props: Props, context: SourceTaskContext): Promise<void>;
  poll(): Promise<readonly SourceRecord[] | null>;
  commitRecord?(record: SourceRecord, metadata: RecordMetadata | null): Promise<void>;
  commit?(): Promise<void>;
  stop(): Promise<void>;
}

export interface SourceConnectorPlugin {
  readonly kind: 'source';
  readonly className: string;
  readonly version: string;
  readonly configDef: ConfigDef;
  createConnector(): SourceConnector;
  createTask(): SourceTask;
}
