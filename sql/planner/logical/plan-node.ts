import type {
  Expression,
  FunctionCall,
  LogicalSchema,
  SelectExpression,
  WindowSpec,
} from '../../../topology/spec';
import type { JoinKind } from '../../analyzer/query';
import type { SourceDefinition } from '../../catalog';

/** Whether a node produces a stream (events) or a table (changelog). */
export type ResultType = 'STREAM' | 'TABLE';

interface NodeBase {
  /** The plan path: step ids, processor, store and topic names derive from it. */
  readonly id: string;
  readonly schema: LogicalSchema;
  readonly resultType: ResultType;
}

export interface DataSourceNode extends NodeBase {
  readonly kind: 'DataSourceNode';
  readonly source: SourceDefinition;
  readonly alias: string;
}

export interface FilterNode extends NodeBase {
  readonly kind: 'FilterNode';
  readonly input: PlanNode;
  readonly predicate: Expression;
}

/** A projection: key unchanged (maybe renamed), value = `selectExpressions`. */
export interface ProjectNode extends NodeBase {
  readonly kind: 'ProjectNode';
  readonly input: PlanNode;
  readonly selectExpressions: readonly SelectExpression[];
}

export interface FlatMapNode extends NodeBase {
  readonly kind: 'FlatMapNode';
  readonly input: PlanNode;
  readonly tableFunctions: readonly FunctionCall[];
}

/** Re-keys the input by `keyExpressions`; `internal` means a join's pre-join re-key. */
export interface RepartitionNode extends NodeBase {
  readonly kind: 'RepartitionNode';
  readonly input: PlanNode;
  readonly keyExpressions: readonly Expression[];
  /** False when the new key is the current key (no topic needed). */
  readonly needsTopic: boolean;
}

export interface AggregateNode extends NodeBase {
  readonly kind: 'AggregateNode';
  readonly input: PlanNode;
  readonly groupBy: readonly Expression[];
  readonly groupByKey: boolean;
  readonly aggregations: readonly FunctionCall[];
  readonly window?: WindowSpec;
}

export interface JoinNode extends NodeBase {
  readonly kind: 'JoinNode';
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly joinKind: JoinKind;
  readonly joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'OUTER';
  readonly within?: {
    readonly beforeMs: number;
    readonly afterMs: number;
    readonly graceMs: number | null;
  };
  readonly foreignKey?: readonly Expression[];
}

/** EMIT FINAL: one result per closed window. */
export interface SuppressNode extends NodeBase {
  readonly kind: 'SuppressNode';
  readonly input: PlanNode;
}

export interface SinkNode extends NodeBase {
  readonly kind: 'SinkNode';
  readonly input: PlanNode;
  /** The target; undefined for a transient query (the client is the sink). */
  readonly sink?: SourceDefinition;
}

export type PlanNode =
  | DataSourceNode
  | FilterNode
  | ProjectNode
  | FlatMapNode
  | RepartitionNode
  | AggregateNode
  | JoinNode
  | SuppressNode
  | SinkNode;

export type PlanNodeKind = PlanNode['kind'];

/** The inputs of a node, left before right. */
export function planInputs(node: PlanNode): readonly PlanNode[] {
  switch (node.kind) {
    case 'DataSourceNode':
      return [];
    case 'JoinNode':
      return [node.left, node.right];
    default:
      return [node.input];
  }
}
