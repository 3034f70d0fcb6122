import type { SourceRecord } from '../data/connect-record';
import { connectSchema, optional, structSchema, type ConnectSchema } from '../data/connect-schema';
import type { EventPosition } from './change-records';
import type { TableModel } from './envelope';
import type { Lsn } from './lsn';

const KEY_SCHEMA: ConnectSchema = {
  ...structSchema('io.debezium.connector.common.TransactionMetadataKey', [
    { name: 'id', schema: connectSchema('STRING') },
  ]),
  version: 1,
};

const DATA_COLLECTION_SCHEMA: ConnectSchema = {
  ...structSchema(
    'event.collection',
    [
      { name: 'data_collection', schema: connectSchema('STRING') },
      { name: 'event_count', schema: connectSchema('INT64') },
    ],
    true,
  ),
  version: 1,
};

const VALUE_SCHEMA: ConnectSchema = {
  ...structSchema('io.debezium.connector.common.TransactionMetadataValue', [
    { name: 'status', schema: connectSchema('STRING') },
    { name: 'id', schema: connectSchema('STRING') },
    { name: 'event_count', schema: optional(connectSchema('INT64')) },
    {
      name: 'data_collections',
      schema: connectSchema('ARRAY', { optional: true, valueSchema: DATA_COLLECTION_SCHEMA }),
    },
    { name: 'ts_ms', schema: connectSchema('INT64') },
  ]),
  version: 1,
};

export interface TransactionStart {
  readonly xid: number;
  /** The LSN of the transaction's BEGIN message: with the xid it names the transaction uniquely. */
  readonly beginLsn: Lsn;
  readonly commitTimeUs: bigint;
}

/**
 * Debezium's TransactionMonitor for `provide.transaction.metadata`: a BEGIN event when a
 * transaction starts, the envelope's `transaction` block on each change event, and an END event
 * with the per-table counts at commit, all on `<topic.prefix>.transaction`. The id is
 * `<txId>:<lsn>` with the BEGIN message's LSN, so BEGIN, the change events and END share it.
 */
export class TransactionMonitor {
  private id: string | null = null;
  private commitTimeUs = 0n;
  private total = 0;
  private readonly perCollection = new Map<string, number>();

  constructor(private readonly topic: string) {}

  begin(start: TransactionStart, position: EventPosition): SourceRecord {
    this.id = `${start.xid}:${start.beginLsn}`;
    this.commitTimeUs = start.commitTimeUs;
    this.total = 0;
    this.perCollection.clear();
    return this.record('BEGIN', null, null, position);
  }

  /** Counts one change event of `model`'s table and answers its `transaction` block. */
  event(model: TableModel): Record<string, unknown> {
    const collection = `${model.schema}.${model.table}`;
    const inCollection = (this.perCollection.get(collection) ?? 0) + 1;
    this.perCollection.set(collection, inCollection);
    this.total += 1;
    return {
      id: this.id,
      total_order: BigInt(this.total),
      data_collection_order: BigInt(inCollection),
    };
  }

  end(position: EventPosition): SourceRecord {
    const collections = [...this.perCollection].map(([data_collection, n]) => ({
      data_collection,
      event_count: BigInt(n),
    }));
    return this.record('END', BigInt(this.total), collections, position);
  }

  private record(
    status: 'BEGIN' | 'END',
    eventCount: bigint | null,
    collections: readonly Record<string, unknown>[] | null,
    position: EventPosition,
  ): SourceRecord {
    const tsMs = this.commitTimeUs / 1000n;
    return {
      topic: this.topic,
      kafkaPartition: null,
      keySchema: KEY_SCHEMA,
      key: { id: this.id },
      valueSchema: VALUE_SCHEMA,
      value: {
        status,
        id: this.id,
        event_count: eventCount,
        data_collections: collections,
        ts_ms: tsMs,
      },
      timestamp: Number(tsMs),
      headers: [],
      sourcePartition: position.partition,
      sourceOffset: position.offset,
    };
  }
}
