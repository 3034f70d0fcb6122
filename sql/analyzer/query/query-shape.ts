import type { Expression as IrExpression, SqlType } from '../../../topology/spec';
import type { Query } from '../../ast';
import type { Catalog, Column } from '../../catalog';
import { lookupFunction } from '../../functions';
import { AnalysisErrorCodes, fail } from '../analysis-error';
import type { ExpressionAnalyzer } from '../expression-analyzer';
import { rewriteIr, sameIr } from '../ir-utils';
import type { Scope } from '../scope';
import type { AnalyzedPartitionBy, AnalyzedSource } from './analyzed-query';
import { flattenRelation, type JoinAnalysis } from './join-analysis';
import type { KeyContext } from './output-schema';
import type { SelectItemAnalysis, StarColumn, SyntheticNames } from './select-items';

/** Whether the select list calls a table function (checked before argument types, as ksqlDB does). */
export function usesTableFunction(query: Query): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { kind?: string; name?: { name?: string } };
    if (n.kind === 'FunctionCall' && n.name?.name && lookupFunction(n.name.name)?.kind === 'table')
      found = true;
    for (const [k, v] of Object.entries(n)) if (k !== 'span') visit(v);
  };
  visit(query.select);
  return found;
}

export function resolveSources(query: Query, catalog: Catalog): AnalyzedSource[] {
  const { sources } = flattenRelation(query.from);
  const seen = new Set<string>();
  return sources.map((s) => {
    const source = catalog.getSource(s.name.name);
    if (!source)
      fail(AnalysisErrorCodes.unknownSource, `${s.name.name} does not exist.`, s.name.span);
    if (seen.has(source.name)) {
      fail(
        AnalysisErrorCodes.join,
        `N-way joins do not support multiple occurrences of the same source. Source: '${source.name}'`,
        s.span,
      );
    }
    seen.add(source.name);
    return { alias: s.alias?.name ?? source.name, source };
  });
}

export function keysAreInputKey(
  groupBy: readonly IrExpression[],
  joins: JoinAnalysis,
  scope: Scope,
): boolean {
  if (joins.joins.length > 0) {
    return (
      groupBy.length === 1 &&
      joins.key !== undefined &&
      joins.key.equivalents.some((e) => JSON.stringify(e) === JSON.stringify(groupBy[0]))
    );
  }
  const keys = scope.sources[0]?.columns.filter((c) => c.namespace === 'KEY') ?? [];
  return (
    keys.length === groupBy.length &&
    keys.every((k, i) => {
      const g = groupBy[i];
      return g?.kind === 'ColumnRef' && g.name === k.name;
    })
  );
}

/** Select items equal to a PARTITION BY expression read the new key column instead. */
export function bindPartitionKeys(
  items: SelectItemAnalysis[],
  partitionBy: AnalyzedPartitionBy | undefined,
): SelectItemAnalysis[] {
  if (!partitionBy) return items;
  return items.map((item) => ({
    ...item,
    expression: rewriteIr(item.expression, (e) => {
      const i = partitionBy.expressions.findIndex((p) => p.kind !== 'ColumnRef' && sameIr(p, e));
      const key = partitionBy.keyColumns[i];
      return key ? { kind: 'ColumnRef', name: key.name, type: key.type } : undefined;
    }),
  }));
}

export function analyzePartitionBy(
  query: Query,
  analyzer: ExpressionAnalyzer,
  sources: readonly AnalyzedSource[],
  names: SyntheticNames,
): AnalyzedPartitionBy {
  if (sources.some((s) => s.source.kind === 'TABLE')) {
    fail(
      AnalysisErrorCodes.unsupported,
      'PARTITION BY is not supported on tables.',
      query.partitionBy?.[0]?.span ?? query.span,
    );
  }
  const exprs = (query.partitionBy ?? [])
    .filter((e) => e.kind !== 'NullLiteral')
    .map((e) => analyzer.with({ clause: 'PARTITION BY' }).typed(e));
  const keyColumns: Column[] = exprs.map((e) => ({
    name: e.kind === 'ColumnRef' ? e.name : names.allocate(),
    type: e.type,
    namespace: 'KEY',
  }));
  const oldKeys =
    sources.length === 1 ? sources[0]!.source.columns.filter((c) => c.namespace === 'KEY') : [];
  const carried = oldKeys
    .filter((k) => !keyColumns.some((n) => n.name === k.name))
    .map((k) => ({ ...k, namespace: 'VALUE' as const }));
  return { expressions: exprs, keyColumns, carriedKeyColumns: carried };
}

export function starColumns(
  scope: Scope,
  joins: JoinAnalysis,
  partitionBy: AnalyzedPartitionBy | undefined,
  persistent: boolean,
): StarColumn[] {
  const ref = (name: string, type: SqlType): IrExpression => ({ kind: 'ColumnRef', name, type });
  if (partitionBy) {
    const source = scope.sources[0]!;
    const keyNames = new Set(partitionBy.keyColumns.map((k) => k.name));
    const values = source.columns.filter((c) => c.namespace !== 'KEY' && !keyNames.has(c.name));
    return [...partitionBy.keyColumns, ...values, ...partitionBy.carriedKeyColumns].map((c) => ({
      alias: source.alias,
      name: c.name,
      internalName: c.name,
      expression: ref(c.name, c.type),
    }));
  }
  const out: StarColumn[] = [];
  if (joins.key?.synthetic)
    out.push({
      name: joins.key.name,
      internalName: joins.key.name,
      expression: ref(joins.key.name, joins.key.type),
    });
  for (const source of scope.sources) {
    const keys = source.columns.filter((c) => c.namespace === 'KEY');
    const rest = source.columns.filter((c) => c.namespace !== 'KEY');
    const bounds =
      !persistent && source.windowed && !scope.isJoin
        ? (['WINDOWSTART', 'WINDOWEND'] as const).map((n): StarColumn => ({
            alias: source.alias,
            name: n,
            internalName: n,
            expression: { kind: 'PseudoColumn', name: n, type: { kind: 'BIGINT' } },
          }))
        : [];
    const cols = (list: readonly Column[]) =>
      list.map((c) => ({
        alias: source.alias,
        name: c.name,
        internalName: scope.internalName(source, c.name),
        expression: ref(scope.internalName(source, c.name), c.type),
      }));
    out.push(...cols(keys), ...bounds, ...cols(rest));
  }
  return out;
}

export function nonAggregateKeys(
  scope: Scope,
  sources: readonly AnalyzedSource[],
  joins: JoinAnalysis,
  partitionBy: AnalyzedPartitionBy | undefined,
): KeyContext {
  if (partitionBy) {
    return {
      kind: 'PARTITION BY',
      keys: partitionBy.keyColumns,
      texts: partitionBy.keyColumns.map((k) => k.name),
    };
  }
  if (joins.joins.length > 0 && joins.key) {
    const key: Column = { name: joins.key.name, type: joins.key.type, namespace: 'KEY' };
    return {
      kind: 'JOIN',
      keys: [key],
      texts: joins.key.viableTexts,
      equivalents: joins.key.equivalents,
    };
  }
  const keys = sources[0]!.source.columns.filter((c) => c.namespace === 'KEY');
  return { kind: 'SOURCE', keys, texts: keys.map((k) => k.name) };
}
