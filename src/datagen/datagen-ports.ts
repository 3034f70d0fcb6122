import type { TopicRecord } from './topic-record';

/** Executes SQL on the OLTP database (Postgres in production, through `connectors/`). */
export interface SqlPort {
  query(sql: string, params?: readonly unknown[]): Promise<readonly Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Writes generated records to topics, in order (a Kafka producer in production). */
export interface RecordPort {
  send(records: readonly TopicRecord[]): Promise<void>;
  close(): Promise<void>;
}
