import { AnalysisErrorCodes, fail } from '../analysis-error';
import { bindToGroupKeys, groupKeys, windowSpec } from './aggregate-analysis';
import type { AnalyzedQuery } from './analyzed-query';
import { classifyOutput, type KeyContext } from './output-schema';
import { commonFields, type QueryState } from './query-state';
import { keysAreInputKey } from './query-shape';

/**
 * GROUP BY queries: the group key columns (named after matching select items), the aggregate
 * calls, and a projection that reads only keys, aggregates and window bounds.
 */
export function analyzeAggregateQuery(state: QueryState): AnalyzedQuery {
  const { query, items, groupBy, collector, joinAnalysis, sources, scope } = state;
  checkAggregate(state);
  const keys = groupKeys(groupBy, items, state.names, (e) =>
    e.kind === 'ColumnRef' ? e.name : undefined,
  );
  const bound = items.map((i) => ({
    ...i,
    expression: bindToGroupKeys(i.expression, keys, i.node ?? query, i.name),
  }));
  const having = state.having
    ? bindToGroupKeys(state.having, keys, query.having ?? query, 'HAVING')
    : undefined;
  const window = query.window ? windowSpec(query.window) : undefined;
  const keyContext: KeyContext = {
    kind: 'GROUP BY',
    keys: keys.map((k) => k.column),
    texts: keys.map((k) => k.column.name),
  };
  const output = classifyOutput(bound, keyContext, state.options, query);
  const stream =
    sources.length === 1
      ? sources[0]!.source.kind === 'STREAM'
      : joinAnalysis.resultKind === 'STREAM';
  if (window && !stream)
    fail(
      AnalysisErrorCodes.window,
      'Windowed aggregations are not supported on tables.',
      query.window?.span ?? query.span,
    );
  return {
    ...commonFields(state),
    tableFunctions: [],
    aggregation: {
      groupBy,
      keyColumns: keys.map((k) => k.column),
      groupByKey: stream && keysAreInputKey(groupBy, joinAnalysis, scope),
      aggregations: collector.calls,
      ...(window ? { window } : {}),
      ...(having ? { having } : {}),
    },
    ...output,
    resultKind: 'TABLE',
    ...(window
      ? {
          windowed: {
            type: window.type,
            ...(window.type !== 'SESSION' ? { sizeMs: window.sizeMs } : {}),
          },
        }
      : {}),
  };
}

function checkAggregate({ query, partitionBy, groupBy, items, collector }: QueryState): void {
  if (partitionBy) {
    fail(
      AnalysisErrorCodes.unsupported,
      'PARTITION BY and GROUP BY in the same query is not supported.',
      query.span,
    );
  }
  if (groupBy.length === 0) {
    const nonAggregate = items.some(
      (i) =>
        i.expression.kind !== 'Literal' &&
        !(i.expression.kind === 'ColumnRef' && i.expression.name.startsWith('KSQL_AGG_VARIABLE_')),
    );
    fail(
      AnalysisErrorCodes.aggregation,
      nonAggregate
        ? 'Non-aggregate SELECT expression(s) not part of GROUP BY'
        : 'Aggregate query must have a GROUP BY clause',
      query.span,
    );
  }
  if (collector.calls.length === 0) {
    fail(
      AnalysisErrorCodes.aggregation,
      'GROUP BY requires aggregate functions in either the SELECT or HAVING clause.',
      query.groupBy?.[0]?.span ?? query.span,
    );
  }
}
