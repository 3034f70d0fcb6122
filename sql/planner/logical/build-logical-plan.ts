import type {
  Column as SpecColumn,
  Expression,
  LogicalSchema,
  SelectExpression,
} from '../../../topology/spec';
import type { AnalyzedQuery, AnalyzedSource } from '../../analyzer/query';
import { columnRefs } from '../../analyzer/ir-utils';
import type { SourceDefinition } from '../../catalog';
import type { PlanNode, ProjectNode, ResultType } from './plan-node';

const col = (name: string, type: SpecColumn['type']): SpecColumn => ({ name, type });
const ref = (c: SpecColumn): Expression => ({ kind: 'ColumnRef', name: c.name, type: c.type });

/**
 * Builds the logical plan of an analysed query, in ksqlDB's order: sources (aliased for joins),
 * joins with their re-keys, WHERE, table functions, PARTITION BY, aggregation and HAVING,
 * projection, EMIT FINAL suppression, sink.
 */
export function buildLogicalPlan(
  query: AnalyzedQuery,
  sink: SourceDefinition | undefined,
  persistent: boolean,
): PlanNode {
  let node =
    query.joins.length > 0 ? buildJoins(query) : sourceNode(query.sources[0]!, 'Source', false);
  if (query.where) {
    node = {
      kind: 'FilterNode',
      id: 'WhereFilter',
      input: node,
      predicate: query.where,
      schema: node.schema,
      resultType: node.resultType,
    };
  }
  if (query.tableFunctions.length > 0) {
    const value = [
      ...node.schema.value,
      ...query.tableFunctions.map((f, i) => col(`KSQL_SYNTH_${i}`, f.type)),
    ];
    node = {
      kind: 'FlatMapNode',
      id: 'FlatMap',
      input: node,
      tableFunctions: query.tableFunctions,
      schema: { key: node.schema.key, value },
      resultType: node.resultType,
    };
  }
  if (query.partitionBy) node = partitionBy(node, query);
  if (query.aggregation) node = aggregate(node, query);
  node = project(node, query, persistent);
  if (persistent && query.keyColumns.length === 0 && node.schema.key.length > 0) {
    node = {
      kind: 'RepartitionNode',
      id: 'DropKey',
      input: node,
      keyExpressions: [],
      needsTopic: true,
      schema: { key: [], value: node.schema.value },
      resultType: node.resultType,
    };
  }
  if (query.emit === 'FINAL')
    node = {
      kind: 'SuppressNode',
      id: 'Suppress',
      input: node,
      schema: node.schema,
      resultType: node.resultType,
    };
  return {
    kind: 'SinkNode',
    id: 'Sink',
    input: node,
    ...(sink ? { sink } : {}),
    schema: node.schema,
    resultType: node.resultType,
  };
}

function sourceSchema(source: SourceDefinition, prefix?: string): LogicalSchema {
  const name = (n: string) => (prefix ? `${prefix}_${n}` : n);
  return {
    key: source.columns.filter((c) => c.namespace === 'KEY').map((c) => col(name(c.name), c.type)),
    value: source.columns
      .filter((c) => c.namespace !== 'KEY')
      .map((c) => col(name(c.name), c.type)),
  };
}

function sourceNode(analyzed: AnalyzedSource, id: string, prefixed: boolean): PlanNode {
  return {
    kind: 'DataSourceNode',
    id,
    source: analyzed.source,
    alias: analyzed.alias,
    schema: sourceSchema(analyzed.source, prefixed ? analyzed.alias : undefined),
    resultType: analyzed.source.kind,
  };
}

/** A joined source with its key columns (and pseudo columns it needs) copied into the value. */
function preJoin(query: AnalyzedQuery, analyzed: AnalyzedSource): PlanNode {
  const source = sourceNode(analyzed, `Source/${analyzed.alias}`, true);
  const pseudo = (query.joinPseudoColumns.get(analyzed.alias) ?? []).map(
    (name): SelectExpression => ({
      name: `${analyzed.alias}_${name}`,
      expression: {
        kind: 'PseudoColumn',
        name: name as 'ROWTIME',
        type: name === 'ROWPARTITION' ? { kind: 'INTEGER' } : { kind: 'BIGINT' },
      },
    }),
  );
  const selectExpressions = [...source.schema.key, ...source.schema.value]
    .map((c) => ({ name: c.name, expression: ref(c) }))
    .concat(pseudo);
  const node: ProjectNode = {
    kind: 'ProjectNode',
    id: `PrependAlias/${analyzed.alias}`,
    input: source,
    selectExpressions,
    schema: {
      key: source.schema.key,
      value: selectExpressions.map((s) => col(s.name, s.expression.type)),
    },
    resultType: source.resultType,
  };
  return node;
}

function rekey(input: PlanNode, id: string, expression: Expression, keyName: string): PlanNode {
  return {
    kind: 'RepartitionNode',
    id,
    input,
    keyExpressions: [expression],
    needsTopic: true,
    schema: { key: [col(keyName, expression.type)], value: input.schema.value },
    resultType: input.resultType,
  };
}

function buildJoins(query: AnalyzedQuery): PlanNode {
  let left = preJoin(query, query.sources[0]!);
  for (const [i, join] of query.joins.entries()) {
    if (join.repartitionLeft)
      left = rekey(left, `Join/${i}/LeftRekey`, join.leftExpression, join.keyColumn.name);
    let right = preJoin(query, join.right);
    if (join.repartitionRight)
      right = rekey(right, `Join/${i}/RightRekey`, join.rightExpression, join.keyColumn.name);
    const key =
      join.kind === 'FOREIGN_KEY'
        ? left.schema.key
        : [col(join.keyColumn.name, join.keyColumn.type)];
    const resultType: ResultType =
      join.kind === 'STREAM_STREAM' || join.kind === 'STREAM_TABLE' ? 'STREAM' : 'TABLE';
    left = {
      kind: 'JoinNode',
      id: `Join/${i}`,
      left,
      right,
      joinKind: join.kind,
      joinType: join.joinType,
      ...(join.within ? { within: join.within } : {}),
      ...(join.kind === 'FOREIGN_KEY' ? { foreignKey: [join.leftExpression] } : {}),
      schema: { key, value: [...left.schema.value, ...right.schema.value] },
      resultType,
    };
  }
  return left;
}

function partitionBy(input: PlanNode, query: AnalyzedQuery): PlanNode {
  const pb = query.partitionBy!;
  let node = input;
  if (pb.carriedKeyColumns.length > 0) {
    const carried = pb.carriedKeyColumns.map((c) => ({
      name: c.name,
      expression: ref(col(c.name, c.type)),
    }));
    const selectExpressions = [
      ...node.schema.value.map((c) => ({ name: c.name, expression: ref(c) })),
      ...carried,
    ];
    node = {
      kind: 'ProjectNode',
      id: 'PartitionBy/Prepare',
      input: node,
      selectExpressions,
      schema: {
        key: node.schema.key,
        value: selectExpressions.map((s) => col(s.name, s.expression.type)),
      },
      resultType: node.resultType,
    };
  }
  const sameKey =
    pb.expressions.length === input.schema.key.length &&
    pb.expressions.every((e, i) => e.kind === 'ColumnRef' && e.name === input.schema.key[i]?.name);
  return {
    kind: 'RepartitionNode',
    id: 'PartitionBy',
    input: node,
    keyExpressions: pb.expressions,
    needsTopic: !sameKey,
    schema: { key: pb.keyColumns.map((c) => col(c.name, c.type)), value: node.schema.value },
    resultType: node.resultType,
  };
}

function aggregate(input: PlanNode, query: AnalyzedQuery): PlanNode {
  const agg = query.aggregation!;
  let node = input;
  const keyNames = new Set(agg.keyColumns.map((k) => k.name));
  const valueNames = new Set(node.schema.value.map((c) => c.name));
  const needed = new Set(
    agg.aggregations
      .flatMap((a) => columnRefs(a))
      .flatMap((r) => (r.kind === 'ColumnRef' ? [r.name] : [])),
  );
  const carried = node.schema.key.filter(
    (k) => needed.has(k.name) && !keyNames.has(k.name) && !valueNames.has(k.name),
  );
  if (carried.length > 0) {
    const selectExpressions = [...node.schema.value, ...carried].map((c) => ({
      name: c.name,
      expression: ref(c),
    }));
    node = {
      kind: 'ProjectNode',
      id: 'Aggregate/Prepare',
      input: node,
      selectExpressions,
      schema: { key: node.schema.key, value: [...node.schema.value, ...carried] },
      resultType: node.resultType,
    };
  }
  const schema: LogicalSchema = {
    key: agg.keyColumns.map((c) => col(c.name, c.type)),
    value: agg.aggregations.map((a, i) => col(`KSQL_AGG_VARIABLE_${i}`, a.type)),
  };
  let result: PlanNode = {
    kind: 'AggregateNode',
    id: 'Aggregate',
    input: node,
    groupBy: agg.groupBy,
    groupByKey: agg.groupByKey,
    aggregations: agg.aggregations,
    ...(agg.window ? { window: agg.window } : {}),
    schema,
    resultType: 'TABLE',
  };
  if (agg.having) {
    result = {
      kind: 'FilterNode',
      id: 'Aggregate/HavingFilter',
      input: result,
      predicate: agg.having,
      schema,
      resultType: 'TABLE',
    };
  }
  return result;
}

function project(input: PlanNode, query: AnalyzedQuery, persistent: boolean): PlanNode {
  const value = query.valueColumns.map((c) => col(c.name, c.type));
  if (persistent && query.keyOrder) return reorderedProject(input, query, value);
  const key =
    persistent && query.keyColumns.length > 0
      ? query.keyColumns.map((c) => col(c.name, c.type))
      : input.schema.key;
  return {
    kind: 'ProjectNode',
    id: 'Project',
    input,
    selectExpressions: query.projection,
    schema: { key, value },
    resultType: input.resultType,
  };
}

/** A projection whose key lists the input key columns in another order: rename, then re-key. */
function reorderedProject(input: PlanNode, query: AnalyzedQuery, value: SpecColumn[]): PlanNode {
  const order = query.keyOrder ?? [];
  const renamed = input.schema.key.map((k) => {
    const output = query.keyColumns[order.indexOf(k.name)];
    return col(output?.name ?? k.name, k.type);
  });
  const projected: PlanNode = {
    kind: 'ProjectNode',
    id: 'Project',
    input,
    selectExpressions: query.projection,
    schema: { key: renamed, value },
    resultType: input.resultType,
  };
  const key = query.keyColumns.map((c) => col(c.name, c.type));
  return {
    kind: 'RepartitionNode',
    id: 'KeyOrder',
    input: projected,
    keyExpressions: key.map(ref),
    needsTopic: true,
    schema: { key, value },
    resultType: input.resultType,
  };
}
