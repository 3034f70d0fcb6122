import type { Expression as IrExpression } from '../../../topology/spec';
import type { Query } from '../../ast';
import type { AnalyzerConfig } from '../analyzer-config';
import type { Scope } from '../scope';
import type { AggregateCollector } from './aggregate-analysis';
import type { AnalyzedPartitionBy, AnalyzedSource } from './analyzed-query';
import type { JoinAnalysis } from './join-analysis';
import type { SelectItemAnalysis, SyntheticNames } from './select-items';

export interface QueryAnalysisOptions {
  /** A persistent query (CSAS/CTAS/INSERT INTO) must project its key; a transient one need not. */
  readonly persistent: boolean;
  /** The sink's name, for messages. */
  readonly sinkName?: string;
  readonly config: AnalyzerConfig;
}

/** A query's clauses, analysed, before the output is derived. */
export interface QueryState {
  readonly query: Query;
  readonly options: QueryAnalysisOptions;
  readonly sources: readonly AnalyzedSource[];
  readonly scope: Scope;
  readonly joinAnalysis: JoinAnalysis;
  readonly names: SyntheticNames;
  readonly collector: AggregateCollector;
  readonly groupBy: readonly IrExpression[];
  readonly items: readonly SelectItemAnalysis[];
  readonly isAggregate: boolean;
  readonly where?: IrExpression;
  readonly partitionBy?: AnalyzedPartitionBy;
  readonly having?: IrExpression;
}

/** The fields every analysed query has, aggregate or not. */
export function commonFields(state: QueryState) {
  const { query, sources, joinAnalysis, scope, where } = state;
  return {
    sources,
    joins: joinAnalysis.joins,
    joinPseudoColumns: new Map([...scope.usedPseudoColumns].map(([k, v]) => [k, [...v]])),
    ...(where ? { where } : {}),
    ...(query.emit ? { emit: query.emit } : {}),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
  };
}
