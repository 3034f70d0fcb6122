import type { Query } from '../../ast';
import type { Catalog } from '../../catalog';
import { AnalysisErrorCodes, fail } from '../analysis-error';
import { ExpressionAnalyzer } from '../expression-analyzer';
import { Scope, type ScopeSource } from '../scope';
import { AggregateCollector, analyzeGroupBy } from './aggregate-analysis';
import { analyzeAggregateQuery } from './aggregate-query';
import { commonFields, type QueryAnalysisOptions, type QueryState } from './query-state';
import type { AnalyzedQuery } from './analyzed-query';
import { analyzeJoins, flattenRelation, type JoinAnalysis } from './join-analysis';
import { classifyOutput } from './output-schema';
import {
  analyzePartitionBy,
  bindPartitionKeys,
  nonAggregateKeys,
  resolveSources,
  starColumns,
  usesTableFunction,
} from './query-shape';
import { analyzeSelectItems, SyntheticNames } from './select-items';

export type { QueryAnalysisOptions } from './query-state';

/** Analyses a SELECT: sources, joins, clauses, aggregation and the output schema. */
export function analyzeQuery(
  query: Query,
  catalog: Catalog,
  options: QueryAnalysisOptions,
): AnalyzedQuery {
  const state = analyzeClauses(query, catalog, options);
  checkClauses(state);
  if (state.isAggregate) return analyzeAggregateQuery(state);
  const { scope, sources, joinAnalysis, partitionBy, items } = state;
  const output = classifyOutput(
    items,
    nonAggregateKeys(scope, sources, joinAnalysis, partitionBy),
    options,
    query,
  );
  const windowing = sources.length === 1 ? sources[0]!.source.windowing : undefined;
  return {
    ...commonFields(state),
    tableFunctions: state.collector.tableFunctions,
    ...(partitionBy ? { partitionBy } : {}),
    ...output,
    resultKind: joinAnalysis.resultKind,
    ...(windowing && !partitionBy ? { windowed: windowing } : {}),
  };
}

function analyzeClauses(query: Query, catalog: Catalog, options: QueryAnalysisOptions): QueryState {
  const sources = resolveSources(query, catalog);
  const scopeSources: ScopeSource[] = sources.map((s) => ({
    alias: s.alias,
    sourceName: s.source.name,
    columns: s.source.columns,
    windowed: s.source.windowing !== undefined,
  }));
  let scope = new Scope(scopeSources, query.window !== undefined);
  const base = new ExpressionAnalyzer(catalog, { scope, clause: 'SELECT', config: options.config });
  const { joins } = flattenRelation(query.from);
  const joinAnalysis: JoinAnalysis = joins.length
    ? analyzeJoins(joins, sources, scope, base.with({ clause: 'JOIN' }))
    : { joins: [], resultKind: sources[0]!.source.kind };
  if (joinAnalysis.key?.synthetic) {
    scope = scope.withExtraColumns(new Map([[joinAnalysis.key.name, joinAnalysis.key.type]]));
  }
  const analyzer = base.with({ scope });
  const where = query.where
    ? analyzer.with({ clause: 'WHERE' }).boolean(query.where, 'WHERE')
    : undefined;
  const names = new SyntheticNames(
    new Set(scopeSources.flatMap((s) => s.columns.map((c) => scope.internalName(s, c.name)))),
  );
  const collector = new AggregateCollector();
  const hooked = analyzer.with({
    onAggregate: (call) => collector.aggregate(call),
    onTableFunction: (call) => collector.tableFunction(call),
  });
  if ((query.groupBy?.length ?? 0) > 0 && usesTableFunction(query)) {
    fail(
      AnalysisErrorCodes.aggregation,
      'Table functions cannot be used with aggregations.',
      query.span,
    );
  }
  const partitionBy = query.partitionBy
    ? analyzePartitionBy(query, analyzer, sources, names)
    : undefined;
  const groupBy = analyzeGroupBy(query, analyzer);
  const stars = starColumns(scope, joinAnalysis, partitionBy, options.persistent);
  const items = bindPartitionKeys(
    analyzeSelectItems(query.select, hooked, scope, stars, names),
    partitionBy,
  );
  const having = query.having
    ? hooked.with({ clause: 'HAVING' }).boolean(query.having, 'HAVING')
    : undefined;
  return {
    query,
    options,
    sources,
    scope,
    joinAnalysis,
    names,
    collector,
    groupBy,
    items,
    isAggregate: groupBy.length > 0 || collector.calls.length > 0,
    ...(where ? { where } : {}),
    ...(partitionBy ? { partitionBy } : {}),
    ...(having ? { having } : {}),
  };
}

function checkClauses({ query, isAggregate, collector }: QueryState): void {
  if (isAggregate && collector.tableFunctions.length > 0) {
    fail(
      AnalysisErrorCodes.aggregation,
      'Table functions cannot be used with aggregations.',
      query.span,
    );
  }
  if (query.window && !isAggregate) {
    fail(AnalysisErrorCodes.window, 'WINDOW clause requires a GROUP BY clause.', query.window.span);
  }
  if (query.emit === 'FINAL' && !(isAggregate && query.window)) {
    fail(
      AnalysisErrorCodes.window,
      'EMIT FINAL is only supported for windowed aggregations.',
      query.span,
    );
  }
  if (query.having && !isAggregate) {
    fail(
      AnalysisErrorCodes.aggregation,
      'HAVING clause requires a GROUP BY clause.',
      query.having.span,
    );
  }
}
