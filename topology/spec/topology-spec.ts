import type { Column, FormatSpec, WindowType } from '../serdes/serde-contract';
import type { Step } from './steps';

/**
 * The plan contract between `sql/` (which produces it) and the runtime (which runs it).
 *
 * A `TopologySpec` is plain JSON: no functions, no class instances, no SQL text. `version`
 * changes when a field changes meaning; the runtime rejects versions it does not know. Names in
 * it (query id, application id, internal topics, stores, step ids) are derived from the
 * statement and the plan path, never random, so a restarted query finds its topics and state.
 *
 * Lifecycle: the planner builds it once per persistent (or transient) query; the engine stores
 * it with the query in the command log; `EXPLAIN` prints it (`describeTopology`); the runtime
 * builds processors from it (`topology/runtime`) for every task of the query.
 */
export interface TopologySpec {
  readonly version: 1;
  /** `CSAS_ORDERS_CLEAN_3`, `CTAS_TOTALS_5`, `INSERTQUERY_7`, `transient_...`. */
  readonly queryId: string;
  /**
   * Consumer group id and prefix of every internal topic (ksqlDB: `<service prefix>query_<id>`).
   * See `applicationId` in `names.ts`.
   */
  readonly applicationId: string;
  readonly sources: readonly SourceSpec[];
  readonly sink: SinkSpec;
  readonly internalTopics: readonly InternalTopicSpec[];
  /** Topologically ordered; exactly one `StreamSink`/`TableSink`, last. */
  readonly steps: readonly Step[];
  /** Engine properties that change run-time behaviour (`ksql.functions.*`, ...). */
  readonly config: Readonly<Record<string, string>>;
}

/** A catalog stream or table as the runtime needs it: its topic, formats and columns. */
export interface CatalogTopicSpec {
  /** Catalog name (`ORDERS`). */
  readonly name: string;
  readonly type: 'STREAM' | 'TABLE';
  readonly topic: string;
  readonly keyFormat: FormatSpec;
  readonly valueFormat: FormatSpec;
  readonly keyColumns: readonly Column[];
  readonly valueColumns: readonly Column[];
  /**
   * `WITH (TIMESTAMP=..., TIMESTAMP_FORMAT=...)`: on a source, where record timestamps are read
   * from (without it the Kafka record timestamp); on a sink, the output record timestamp.
   */
  readonly timestamp: TimestampSpec | null;
  /** Windowed keys (`WINDOW_TYPE`, `WINDOW_SIZE`): each key carries a window. */
  readonly window: WindowedKeySpec | null;
}

/** A stream or table the query reads; `StreamSource.sourceName` refers to its name. */
export type SourceSpec = CatalogTopicSpec;

/**
 * A timestamp column. BIGINT and TIMESTAMP columns are used as epoch ms; a STRING column needs
 * `format` (a Java `DateTimeFormatter` pattern, as TIMESTAMP_FORMAT). A record whose timestamp
 * column is NULL or unparsable goes to the processing log.
 */
export interface TimestampSpec {
  readonly column: string;
  readonly format: string | null;
}

/** The window of windowed keys; `sizeMs` is null for session windows. */
export interface WindowedKeySpec {
  readonly type: WindowType;
  readonly sizeMs: number | null;
}

/** The stream or table a persistent query writes (CSAS/CTAS/INSERT INTO target). */
export type SinkSpec = CatalogTopicSpec;

/**
 * A topic the query owns. Repartition topics are written and read by the query itself
 * (one sub-topology to the next); changelog topics back a store (compacted). Both carry the
 * runtime's internal encoding, not a user format, and are named `<applicationId>-<path>-<role>`.
 */
export interface InternalTopicSpec {
  readonly name: string;
  readonly role: 'repartition' | 'changelog';
  /** The step that writes it (repartition) or owns its store (changelog). */
  readonly stepId: string;
  /** Changelog topics: the store it backs. */
  readonly store?: string;
}

export const TOPOLOGY_SPEC_VERSION = 1 as const;
