import type { Column } from './column';
import type { FormatInfo } from './format';
import type { WindowInfo } from './windowing';

export type SourceKind = 'STREAM' | 'TABLE';

/** `TIMESTAMP='col'` and optional `TIMESTAMP_FORMAT` of a source. */
export interface TimestampColumn {
  readonly column: string;
  readonly format?: string;
}

/**
 * A stream or table in the catalog: what DESCRIBE shows and what a query reads or writes.
 * Columns are in declaration order, key columns first (as ksqlDB stores them).
 */
export interface SourceDefinition {
  readonly kind: SourceKind;
  readonly name: string;
  readonly topic: string;
  readonly keyFormat: FormatInfo;
  readonly valueFormat: FormatInfo;
  readonly columns: readonly Column[];
  readonly windowing?: WindowInfo;
  readonly timestamp?: TimestampColumn;
  /** Created with CREATE SOURCE STREAM/TABLE: read-only, no INSERT, no DELETE TOPIC. */
  readonly readOnly: boolean;
  /** Partition count if known (declared with PARTITIONS or read from the broker). */
  readonly partitions?: number;
  readonly replicas?: number;
  /** The persistent query that writes it (CSAS/CTAS), if any. */
  readonly writerQueryId?: string;
  /** Statement text that created it (for DESCRIBE EXTENDED and the command log). */
  readonly sql?: string;
}

export function sourceDefinition(def: SourceDefinition): SourceDefinition {
  return def;
}
