import type {
  Expression,
  FunctionCall,
  SelectExpression,
  SqlType,
  WindowSpec,
} from '../../../topology/spec';
import type { Refinement } from '../../ast';
import type { Column, SourceDefinition, WindowInfo } from '../../catalog';

/** A FROM/JOIN source with the alias it is known by in the query. */
export interface AnalyzedSource {
  readonly alias: string;
  readonly source: SourceDefinition;
}

export type JoinKind = 'STREAM_STREAM' | 'STREAM_TABLE' | 'TABLE_TABLE' | 'FOREIGN_KEY';

/**
 * One JOIN of a left-deep join tree. `left` is everything joined so far; `right` one source.
 * Expressions use the join schema's prefixed names (`S1_ID`).
 */
export interface AnalyzedJoin {
  readonly kind: JoinKind;
  readonly joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'OUTER';
  readonly right: AnalyzedSource;
  readonly leftExpression: Expression;
  readonly rightExpression: Expression;
  /** The left input must be re-keyed by `leftExpression` first. */
  readonly repartitionLeft: boolean;
  readonly repartitionRight: boolean;
  /** The join result's key column. */
  readonly keyColumn: { readonly name: string; readonly type: SqlType };
  readonly within?: {
    readonly beforeMs: number;
    readonly afterMs: number;
    readonly graceMs: number | null;
  };
}

export interface AnalyzedAggregation {
  readonly groupBy: readonly Expression[];
  /** Key columns of the aggregate's output, one per GROUP BY expression. */
  readonly keyColumns: readonly Column[];
  readonly groupByKey: boolean;
  readonly aggregations: readonly FunctionCall[];
  readonly window?: WindowSpec;
  readonly having?: Expression;
}

export interface AnalyzedPartitionBy {
  readonly expressions: readonly Expression[];
  readonly keyColumns: readonly Column[];
  /** Old key columns copied into the value so the projection can still read them. */
  readonly carriedKeyColumns: readonly Column[];
}

/**
 * Everything the planner needs about one SELECT: resolved sources and joins, typed clauses,
 * and the output schema as ksqlDB derives it.
 */
export interface AnalyzedQuery {
  readonly sources: readonly AnalyzedSource[];
  readonly joins: readonly AnalyzedJoin[];
  /** Pseudo columns of joined sources the query reads (`S1_ROWTIME`), by alias. */
  readonly joinPseudoColumns: ReadonlyMap<string, readonly string[]>;
  readonly where?: Expression;
  readonly tableFunctions: readonly FunctionCall[];
  readonly partitionBy?: AnalyzedPartitionBy;
  readonly aggregation?: AnalyzedAggregation;
  /** Output key columns, each computed as the unchanged input key renamed. */
  readonly keyColumns: readonly Column[];
  /** The input key column behind each output key column, when the output reorders them. */
  readonly keyOrder?: readonly string[];
  /** Output value columns and their expressions over the pre-projection schema. */
  readonly projection: readonly SelectExpression[];
  readonly valueColumns: readonly Column[];
  readonly resultKind: 'STREAM' | 'TABLE';
  readonly windowed?: WindowInfo;
  readonly emit?: Refinement;
  readonly limit?: number;
}
