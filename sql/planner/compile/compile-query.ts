import { formatSqlType, type SelectExpression } from '../../../topology/spec';
import type { CreateAsSelect, InsertInto, Query } from '../../ast';
import { AnalysisErrorCodes, fail } from '../../analyzer/analysis-error';
import { coerce } from '../../analyzer/coercion';
import { analyzeQuery, type AnalyzedQuery } from '../../analyzer/query';
import { formatColumnList } from '../../analyzer/schema-text';
import { isNumeric } from '../../analyzer/types';
import { WithProperties } from '../../analyzer/with-properties';
import type { Column, SourceDefinition } from '../../catalog';
import { buildLogicalPlan } from '../logical/build-logical-plan';
import { buildTopologySpec } from '../spec/build-topology-spec';
import type { CompileContext } from './compile-context';
import type { CompiledStatement, PlannedQuery } from './compiled-statement';
import { applicationIdFor, queryIdFor, runtimeConfig } from './query-naming';
import { sinkDefinition } from './sink-definition';

export function plan(
  analysis: AnalyzedQuery,
  sink: SourceDefinition | undefined,
  queryId: string,
  ctx: CompileContext,
): PlannedQuery {
  const root = buildLogicalPlan(analysis, sink, sink !== undefined);
  const topology = buildTopologySpec(root, {
    queryId,
    applicationId: applicationIdFor(ctx.config, queryId),
    config: runtimeConfig(ctx.config),
  });
  return { queryId, analysis, plan: root, topology };
}

export function compileCreateAsSelect(
  stmt: CreateAsSelect,
  ctx: CompileContext,
): CompiledStatement {
  const name = stmt.name.name;
  const what = stmt.sourceType.toLowerCase();
  const existing = ctx.catalog.getSource(name);
  if (existing && stmt.ifNotExists)
    return { kind: 'NoOp', reason: `${existing.kind} ${name} already exists` };
  if (existing && !stmt.orReplace) {
    fail(
      AnalysisErrorCodes.sourceExists,
      `Cannot add ${what} '${name}': A ${existing.kind.toLowerCase()} with the same name already exists`,
      stmt.name.span,
    );
  }
  if (existing?.readOnly)
    fail(
      AnalysisErrorCodes.readOnlySource,
      `Cannot add ${what} '${name}': CREATE OR REPLACE is not supported on source ${what}s.`,
      stmt.span,
    );
  if (stmt.query.limit !== undefined) {
    fail(
      AnalysisErrorCodes.unsupported,
      `CREATE ${stmt.sourceType} AS SELECT statements don't support LIMIT clause.`,
      stmt.query.span,
    );
  }
  const analysis = analyzeQuery(stmt.query, ctx.catalog, {
    persistent: true,
    sinkName: name,
    config: ctx.config,
  });
  if (analysis.resultKind !== stmt.sourceType) {
    const create =
      analysis.resultKind === 'TABLE' ? 'CREATE TABLE AS SELECT' : 'CREATE STREAM AS SELECT';
    fail(
      AnalysisErrorCodes.wrongSourceType,
      `Invalid result type. Your SELECT query produces a ${analysis.resultKind}. Please use ${create} statement instead.`,
      stmt.span,
    );
  }
  const sink = sinkDefinition(stmt, analysis, ctx.config, ctx.sql);
  const queryId = queryIdFor(
    stmt.sourceType === 'STREAM' ? 'CSAS' : 'CTAS',
    name,
    ctx.queryCounter,
  );
  const planned = plan(analysis, { ...sink, writerQueryId: queryId }, queryId, ctx);
  return {
    kind: 'PersistentQuery',
    statementType: stmt.sourceType === 'STREAM' ? 'CSAS' : 'CTAS',
    sink: { ...sink, writerQueryId: queryId },
    createsSink: true,
    replace: existing !== undefined,
    query: planned,
  };
}

export function compileInsertInto(stmt: InsertInto, ctx: CompileContext): CompiledStatement {
  const name = stmt.target.name;
  const target = ctx.catalog.getSource(name);
  if (!target)
    fail(AnalysisErrorCodes.unknownSource, `Source \`${name}\` does not exist.`, stmt.target.span);
  if (target.kind !== 'STREAM') {
    fail(
      AnalysisErrorCodes.wrongSourceType,
      `INSERT INTO can only be used to insert into a stream. ${name} is a table.`,
      stmt.target.span,
    );
  }
  if (target.readOnly)
    fail(
      AnalysisErrorCodes.readOnlySource,
      `Cannot insert into read-only stream: ${name}`,
      stmt.target.span,
    );
  new WithProperties(stmt.properties, 'INSERT_INTO', stmt.span);
  if (stmt.query.limit !== undefined) {
    fail(
      AnalysisErrorCodes.unsupported,
      "INSERT INTO statements don't support LIMIT clause.",
      stmt.query.span,
    );
  }
  const analysis = analyzeQuery(stmt.query, ctx.catalog, {
    persistent: true,
    sinkName: name,
    config: ctx.config,
  });
  if (analysis.resultKind !== 'STREAM') {
    fail(
      AnalysisErrorCodes.wrongSourceType,
      `INSERT INTO can only be used with a query that produces a stream. The query produces a ${analysis.resultKind}.`,
      stmt.query.span,
    );
  }
  const cast = castToSink(analysis, target, stmt.query);
  const queryId = queryIdFor('INSERT', name, ctx.queryCounter);
  return {
    kind: 'PersistentQuery',
    statementType: 'INSERT',
    sink: target,
    createsSink: false,
    replace: false,
    query: plan(cast, target, queryId, ctx),
  };
}

/** Checks the result fits the target's schema and casts numeric columns that widen into it. */
function castToSink(
  analysis: AnalyzedQuery,
  target: SourceDefinition,
  query: Query,
): AnalyzedQuery {
  const result: Column[] = [...analysis.keyColumns, ...analysis.valueColumns];
  const sink = target.columns.filter((c) => c.namespace !== 'HEADERS');
  const fits =
    result.length === sink.length &&
    result.every((c, i) => {
      const s = sink[i];
      return (
        s !== undefined &&
        s.name === c.name &&
        s.namespace === c.namespace &&
        (formatSqlType(s.type) === formatSqlType(c.type) ||
          (isNumeric(c.type) && isNumeric(s.type) && rank(c.type.kind) <= rank(s.type.kind)))
      );
    });
  if (!fits) {
    fail(
      AnalysisErrorCodes.sinkSchemaMismatch,
      `Incompatible schema between results and sink.\nResult schema is ${formatColumnList(result)}\nSink schema is ${formatColumnList(sink)}`,
      query.span,
    );
  }
  const projection: SelectExpression[] = analysis.projection.map((p) => {
    const column = sink.find((s) => s.name === p.name);
    return column ? { name: p.name, expression: coerce(p.expression, column.type, query.span) } : p;
  });
  return {
    ...analysis,
    projection,
    keyColumns: sink.filter((c) => c.namespace === 'KEY'),
    valueColumns: sink.filter((c) => c.namespace === 'VALUE'),
  };
}

const RANK: Record<string, number> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };
const rank = (kind: string): number => RANK[kind] ?? 9;

export function compileTransient(query: Query, ctx: CompileContext): CompiledStatement {
  const analysis = analyzeQuery(query, ctx.catalog, { persistent: false, config: ctx.config });
  const queryId = queryIdFor(
    'TRANSIENT',
    analysis.sources[0]?.source.name ?? 'QUERY',
    ctx.queryCounter,
  );
  return {
    kind: 'TransientQuery',
    pull: query.emit === undefined,
    columns: analysis.valueColumns,
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    query: plan(analysis, undefined, queryId, ctx),
  };
}
