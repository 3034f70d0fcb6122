import { formatSqlType, type LogicalSchema } from '../../../topology/spec';
import { assertNever } from '../../ast';
import { planInputs, type PlanNode } from '../logical/plan-node';
import { formatExpression } from './format-expression';

/** A schema as `ID INTEGER KEY, NAME STRING`. */
export function formatLogicalSchema(schema: LogicalSchema): string {
  const key = schema.key.map((c) => `${c.name} ${formatSqlType(c.type)} KEY`);
  const value = schema.value.map((c) => `${c.name} ${formatSqlType(c.type)}`);
  return [...key, ...value].join(', ');
}

/**
 * The logical plan as an indented tree, sink first, in the spirit of ksqlDB's EXPLAIN
 * "Execution plan": one line per node with its kind, id, details and output schema.
 */
export function formatLogicalPlan(root: PlanNode): string {
  const lines: string[] = [];
  const visit = (node: PlanNode, depth: number): void => {
    lines.push(
      `${'  '.repeat(depth)}> [ ${label(node)} ] ${node.id}${detail(node)} | Schema: ${formatLogicalSchema(node.schema)}`,
    );
    for (const input of planInputs(node)) visit(input, depth + 1);
  };
  visit(root, 0);
  return `${lines.join('\n')}\n`;
}

function label(node: PlanNode): string {
  switch (node.kind) {
    case 'DataSourceNode':
      return `SOURCE ${node.resultType}`;
    case 'FilterNode':
      return 'FILTER';
    case 'ProjectNode':
      return 'PROJECT';
    case 'FlatMapNode':
      return 'FLAT_MAP';
    case 'RepartitionNode':
      return 'REPARTITION';
    case 'AggregateNode':
      return 'AGGREGATE';
    case 'JoinNode':
      return `${node.joinType} JOIN`;
    case 'SuppressNode':
      return 'SUPPRESS';
    case 'SinkNode':
      return 'SINK';
    default:
      return assertNever(node, 'plan node');
  }
}

function detail(node: PlanNode): string {
  switch (node.kind) {
    case 'DataSourceNode':
      return ` | ${node.source.name} AS ${node.alias} (topic ${node.source.topic})`;
    case 'FilterNode':
      return ` | ${formatExpression(node.predicate)}`;
    case 'ProjectNode':
      return ` | ${node.selectExpressions.map((s) => `${formatExpression(s.expression)} AS ${s.name}`).join(', ')}`;
    case 'FlatMapNode':
      return ` | ${node.tableFunctions.map(formatExpression).join(', ')}`;
    case 'RepartitionNode':
      return ` | BY ${node.keyExpressions.map(formatExpression).join(', ') || 'null'}${node.needsTopic ? '' : ' (no topic)'}`;
    case 'AggregateNode': {
      const window = node.window ? ` | WINDOW ${JSON.stringify(node.window)}` : '';
      return ` | GROUP BY ${node.groupBy.map(formatExpression).join(', ')}${node.groupByKey ? ' (key)' : ''} | ${node.aggregations.map(formatExpression).join(', ')}${window}`;
    }
    case 'JoinNode':
      return ` | ${node.joinKind}${node.within ? ` WITHIN ${node.within.beforeMs}/${node.within.afterMs} ms${node.within.graceMs !== null ? ` GRACE ${node.within.graceMs} ms` : ''}` : ''}`;
    case 'SuppressNode':
      return ' | EMIT FINAL';
    case 'SinkNode':
      return node.sink ? ` | ${node.sink.name} (topic ${node.sink.topic})` : ' | client';
    default:
      return assertNever(node, 'plan node');
  }
}
