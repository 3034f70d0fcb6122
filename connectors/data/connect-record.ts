import type { ConnectSchema } from './connect-schema';

export interface ConnectHeader {
  readonly key: string;
  readonly value: Buffer | string | null;
}

/** Fields shared by source and sink records; transformations see only these. */
export interface ConnectRecord {
  readonly topic: string;
  readonly kafkaPartition: number | null;
  readonly keySchema: ConnectSchema | null;
  readonly key: unknown;
  readonly valueSchema: ConnectSchema | null;
  readonly value: unknown;
  readonly timestamp: number | null;
  readonly headers: readonly ConnectHeader[];
}

/**
 * A record produced by a source task. `sourcePartition` identifies the stream inside the source
 * (a table, a replication slot) and `sourceOffset` the position after this record; both are
 * plain JSON and stored in the offsets topic under the connector's name.
 */
export interface SourceRecord extends ConnectRecord {
  readonly sourcePartition: Readonly<Record<string, unknown>>;
  readonly sourceOffset: Readonly<Record<string, unknown>>;
}

/** A record handed to a sink task, with the Kafka coordinates it was read from. */
export interface SinkRecord extends ConnectRecord {
  readonly kafkaPartition: number;
  readonly kafkaOffset: bigint;
  readonly timestampType: 'CreateTime' | 'LogAppendTime' | 'NoTimestampType';
}

/** What Kafka answered for one produced source record. */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
}

export function sourceRecord(
  fields: Omit<SourceRecord, 'kafkaPartition' | 'timestamp' | 'headers' | 'keySchema' | 'key'> &
    Partial<Pick<SourceRecord, 'kafkaPartition' | 'timestamp' | 'headers' | 'keySchema' | 'key'>>,
): SourceRecord {
  return {
    kafkaPartition: null,
    timestamp: null,
    headers: [],
    keySchema: null,
    key: null,
    ...fields,
  };
}
