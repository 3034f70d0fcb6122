import type { Row, Window } from '../serdes/serde-contract';
import type { EvalRow } from '../expression';

export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

/** Where the input record being processed came from (processing-log coordinates, pseudo columns). */
export interface RecordOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/**
 * A record flowing between processors. Streams carry `value`; table changes also carry
 * `oldValue` (Kafka Streams' `Change<V>`): the row the key had before, null when it had none.
 * A null `value` on a table is a delete (a tombstone downstream).
 */
export interface StreamRecord {
  readonly key: Row;
  readonly value: Row | null;
  readonly oldValue?: Row | null;
  readonly timestamp: number;
  readonly window: Window | null;
  readonly headers: readonly RecordHeader[];
  readonly origin: RecordOrigin;
}

/** The row an expression sees for `record` (with `value` in place of the record's own). */
export function evalRow(record: StreamRecord, value: Row | null = record.value): EvalRow {
  return {
    key: record.key,
    value: value ?? [],
    timestamp: record.timestamp,
    topic: record.origin.topic,
    partition: record.origin.partition,
    offset: record.origin.offset,
    window: record.window,
  };
}
