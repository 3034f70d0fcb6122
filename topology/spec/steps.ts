import type { Expression, FunctionCall, SelectExpression } from './expression';
import type { LogicalSchema, StoreSpec, WindowSpec } from './schema';

/**
 * Execution steps, named after ksqlDB's. A `TopologySpec` lists them in topological order
 * (every step after the steps it reads), one sink last. Every step has:
 * - `id`: its plan path (`Aggregate/GroupBy`), unique in the spec. Processor, store and internal
 *   topic names are derived from it (`names.ts`), so it must be stable across restarts.
 * - `schema`: its output schema. A row is `{ key: Row, value: Row }` in that column order.
 * - `stores`: the state stores it needs (empty for stateless steps).
 * Steps that read other steps name them by id (`source`, or `left`/`right`).
 */
export type Step =
  | StreamSourceStep
  | TableSourceStep
  | StreamFilterStep
  | TableFilterStep
  | StreamSelectStep
  | TableSelectStep
  | StreamFlatMapStep
  | StreamSelectKeyStep
  | TableSelectKeyStep
  | StreamGroupByStep
  | StreamGroupByKeyStep
  | TableGroupByStep
  | StreamAggregateStep
  | StreamWindowedAggregateStep
  | TableAggregateStep
  | TableSuppressStep
  | StreamTableJoinStep
  | StreamStreamJoinStep
  | TableTableJoinStep
  | ForeignKeyTableTableJoinStep
  | StreamSinkStep
  | TableSinkStep;

export type StepKind = Step['kind'];

interface StepBase {
  readonly id: string;
  readonly schema: LogicalSchema;
  readonly stores: readonly StoreSpec[];
}

interface SingleSourceStep extends StepBase {
  readonly source: string;
}

/**
 * Reads `TopologySpec.sources[sourceName]`. The step schema has exactly the source's key and
 * value columns in the same order; names may differ (join aliases such as `L_ID`). A record
 * with a null value travels on (projections pass it through as a null value; filters,
 * group-bys, aggregations and joins drop it); an undecodable record goes to the processing log.
 * The record timestamp comes from the source's timestamp column when it has one.
 */
export interface StreamSourceStep extends StepBase {
  readonly kind: 'StreamSource';
  readonly sourceName: string;
}

/**
 * Like `StreamSource`, but a table: a null value deletes the key. The step materialises the
 * table in `stores[0]` (key-value, or window for a windowed source) so downstream table
 * processors receive the old value with every change.
 */
export interface TableSourceStep extends StepBase {
  readonly kind: 'TableSource';
  readonly sourceName: string;
}

/** Keeps records whose `predicate` is TRUE (NULL and FALSE drop the record). */
export interface StreamFilterStep extends SingleSourceStep {
  readonly kind: 'StreamFilter';
  readonly predicate: Expression;
}

/**
 * Table filter: a row that stops matching becomes a tombstone, as in Kafka Streams'
 * KTableFilter (and HAVING in ksqlDB).
 */
export interface TableFilterStep extends SingleSourceStep {
  readonly kind: 'TableFilter';
  readonly predicate: Expression;
}

/**
 * Projection. The key is unchanged (`schema.key` may rename its columns); the value is the
 * `selectExpressions` in order, evaluated over the input key, value and pseudo columns.
 */
export interface StreamSelectStep extends SingleSourceStep {
  readonly kind: 'StreamSelect';
  readonly selectExpressions: readonly SelectExpression[];
}

export interface TableSelectStep extends SingleSourceStep {
  readonly kind: 'TableSelect';
  readonly selectExpressions: readonly SelectExpression[];
}

/**
 * Table functions (EXPLODE...). Each input row yields max(len of each function's result) rows;
 * shorter results are padded with NULL. Output value = input value columns followed by one
 * column per table function (ksqlDB's `KSQL_SYNTH_n`). Every output row keeps the input key and
 * timestamp.
 */
export interface StreamFlatMapStep extends SingleSourceStep {
  readonly kind: 'StreamFlatMap';
  readonly tableFunctions: readonly FunctionCall[];
}

/**
 * An internal topic a step writes and then reads back, splitting the topology into
 * sub-topologies (Kafka Streams' repartition). Records are re-keyed before the write.
 */
export interface Repartition {
  readonly topic: string;
}

/**
 * PARTITION BY: the key becomes `keyExpressions` (one per `schema.key` column, evaluated over
 * the input row); the value is unchanged (the planner projects old key columns into the value
 * before this step when they must survive). `repartition` is null only when the new key is the
 * current key.
 */
export interface StreamSelectKeyStep extends SingleSourceStep {
  readonly kind: 'StreamSelectKey';
  readonly keyExpressions: readonly Expression[];
  readonly repartition: Repartition | null;
}

/** PARTITION BY on a table: a row whose key changes is deleted under its old key first. */
export interface TableSelectKeyStep extends SingleSourceStep {
  readonly kind: 'TableSelectKey';
  readonly keyExpressions: readonly Expression[];
  readonly repartition: Repartition | null;
}

/**
 * GROUP BY on a stream: key = `groupByExpressions`, value unchanged, then a repartition.
 * Records whose group key has a NULL column are dropped (and counted), as ksqlDB does.
 */
export interface StreamGroupByStep extends SingleSourceStep {
  readonly kind: 'StreamGroupBy';
  readonly groupByExpressions: readonly Expression[];
  readonly repartition: Repartition;
}

/** GROUP BY the stream's own key: no repartition. */
export interface StreamGroupByKeyStep extends SingleSourceStep {
  readonly kind: 'StreamGroupByKey';
}

/**
 * GROUP BY on a table: each change becomes a retraction of the old row from its old group
 * (sent first) and an addition of the new row to its new group, as Kafka Streams' KTable
 * groupBy does, through a repartition.
 */
export interface TableGroupByStep extends SingleSourceStep {
  readonly kind: 'TableGroupBy';
  readonly groupByExpressions: readonly Expression[];
  readonly repartition: Repartition;
}

/**
 * Aggregation over a grouped stream/table. Output key = the group key; output value =
 * `nonAggregateColumns` (copied by name from the input value) followed by one column per
 * `aggregations` entry (aggregate function calls whose arguments are expressions over the
 * input row). The update's timestamp is max(record, previous aggregate) timestamps.
 */
interface AggregateFields extends SingleSourceStep {
  readonly nonAggregateColumns: readonly string[];
  readonly aggregations: readonly FunctionCall[];
}

export interface StreamAggregateStep extends AggregateFields {
  readonly kind: 'StreamAggregate';
}

/**
 * Windowed aggregation; output keys are windowed. Records for windows that are closed
 * (window end <= stream time - grace) are dropped and counted. Session windows merge, emitting
 * tombstones for the sessions they replace. Without GRACE, EMIT CHANGES uses 24h - size and
 * EMIT FINAL uses 0, as ksqlDB does.
 */
export interface StreamWindowedAggregateStep extends AggregateFields {
  readonly kind: 'StreamWindowedAggregate';
  readonly window: WindowSpec;
}

/** Table aggregation: requires `undo` on every aggregate function (retractions). */
export interface TableAggregateStep extends AggregateFields {
  readonly kind: 'TableAggregate';
}

/**
 * EMIT FINAL on a windowed aggregation: only a window's final result is emitted, once stream
 * time passes window end + grace (Kafka Streams' emit-on-window-close). Its `source` chain
 * (through TableSelect/TableFilter) must lead to a `StreamWindowedAggregate`.
 */
export interface TableSuppressStep extends SingleSourceStep {
  readonly kind: 'TableSuppress';
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'OUTER';

/**
 * Output of every join: key = the join key (`schema.key`), value = left value columns followed
 * by right value columns, NULL-padded for a missing side. Both sides must be keyed by the join
 * key already (the planner repartitions with `StreamSelectKey` first).
 */
interface JoinFields extends StepBase {
  readonly left: string;
  readonly right: string;
}

/** Stream-table join (INNER or LEFT): the stream record's timestamp; table updates never emit. */
export interface StreamTableJoinStep extends JoinFields {
  readonly kind: 'StreamTableJoin';
  readonly joinType: 'INNER' | 'LEFT';
}

/**
 * Windowed stream-stream join. Records match when `right.ts - left.ts` is within
 * [-beforeMs, afterMs]; the result takes the larger timestamp. With `graceMs` null the legacy
 * regime applies (grace 24h - window span, NULL-padded LEFT/OUTER results emitted eagerly);
 * with `graceMs` set, unmatched LEFT/OUTER records are emitted once the window closes.
 * Stores: left window store, right window store, and (non-INNER with grace) the outer store.
 */
export interface StreamStreamJoinStep extends JoinFields {
  readonly kind: 'StreamStreamJoin';
  readonly joinType: JoinType;
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly graceMs: number | null;
}

/** Table-table join on the primary key; the result takes the larger timestamp of both sides. */
export interface TableTableJoinStep extends JoinFields {
  readonly kind: 'TableTableJoin';
  readonly joinType: JoinType;
}

/**
 * Foreign-key table-table join: `foreignKey` (over the left row) yields the right table's key.
 * Output key = the left key; the result takes the larger timestamp of both sides. A left change
 * re-evaluates its match; a right change updates every left row that references it.
 *
 * With `subscription` (KIP-213, as Kafka Streams), the join runs in two halves that need not be
 * co-partitioned: the left half (in the left table's sub-topology) sends subscriptions keyed by
 * foreign key to `registrationTopic`; the right half (in the right table's sub-topology) keeps
 * them in `stores[0]` (keyed foreign key + left key) and answers on `responseTopic`, keyed by the
 * left key; the left half joins each response with its current row, drops responses whose hash
 * of the left row is stale, and keeps the results in `stores[1]` (its getter, and the old values
 * it forwards). Both topics are internal repartition topics of the query.
 *
 * Without `subscription` (specs planned before it existed) both sides must run in one task:
 * `stores[0]` indexes left keys by foreign key and the sides are read through their getters.
 */
export interface ForeignKeyTableTableJoinStep extends JoinFields {
  readonly kind: 'ForeignKeyTableTableJoin';
  readonly joinType: 'INNER' | 'LEFT';
  readonly foreignKey: readonly Expression[];
  readonly subscription?: ForeignKeySubscription;
}

/** The internal topics of a foreign-key join (Kafka Streams' `-SUBSCRIPTION-*-topic`). */
export interface ForeignKeySubscription {
  /** Left half to right half, keyed by the foreign key: co-partitioned with the right table. */
  readonly registrationTopic: string;
  /** Right half to left half, keyed by the left key: co-partitioned with the left table. */
  readonly responseTopic: string;
}

/** Writes to `TopologySpec.sink`; null values are written as Kafka nulls. */
export interface StreamSinkStep extends SingleSourceStep {
  readonly kind: 'StreamSink';
}

/** Writes table changes to `TopologySpec.sink`: a deleted row becomes a tombstone. */
export interface TableSinkStep extends SingleSourceStep {
  readonly kind: 'TableSink';
}

/** The ids of the steps a step reads, in order (left before right). */
export function stepInputs(step: Step): readonly string[] {
  switch (step.kind) {
    case 'StreamSource':
    case 'TableSource':
      return [];
    case 'StreamTableJoin':
    case 'StreamStreamJoin':
    case 'TableTableJoin':
    case 'ForeignKeyTableTableJoin':
      return [step.left, step.right];
    default:
      return [step.source];
  }
}

/** The repartition a step implies, if any. */
export function stepRepartition(step: Step): Repartition | null {
  switch (step.kind) {
    case 'StreamSelectKey':
    case 'TableSelectKey':
    case 'StreamGroupBy':
    case 'TableGroupBy':
      return step.repartition;
    default:
      return null;
  }
}
