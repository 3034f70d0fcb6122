import type { Expression, SqlType, TopologySpec } from '../../../topology/spec';
import type { AnalyzedQuery } from '../../analyzer/query';
import type { Statement } from '../../ast';
import type { Column, SourceDefinition } from '../../catalog';
import type { PlanNode } from '../logical/plan-node';

/** A persistent or transient query, planned. */
export interface PlannedQuery {
  readonly queryId: string;
  readonly analysis: AnalyzedQuery;
  readonly plan: PlanNode;
  readonly topology: TopologySpec;
}

/**
 * What one statement means for the engine. DDL yields a catalog change; CSAS/CTAS/INSERT INTO
 * a persistent query (and, for CSAS/CTAS, the sink to register); SELECT a transient query;
 * INSERT VALUES a row to write. Statements the analyzer has nothing to add to (SHOW, DESCRIBE,
 * SET, PRINT, connectors, ...) pass through for the engine to execute.
 */
export type CompiledStatement =
  | { readonly kind: 'CreateSource'; readonly source: SourceDefinition; readonly replace: boolean }
  | { readonly kind: 'AlterSource'; readonly source: SourceDefinition }
  | {
      readonly kind: 'DropSource';
      readonly name: string;
      readonly sourceType: 'STREAM' | 'TABLE';
      readonly deleteTopic: boolean;
      readonly topic: string;
    }
  | { readonly kind: 'CreateType'; readonly name: string; readonly type: SqlType }
  | { readonly kind: 'DropType'; readonly name: string }
  | {
      readonly kind: 'PersistentQuery';
      readonly statementType: 'CSAS' | 'CTAS' | 'INSERT';
      /** The sink: a new (or replaced) catalog entry for CSAS/CTAS, the existing target for INSERT. */
      readonly sink: SourceDefinition;
      readonly createsSink: boolean;
      readonly replace: boolean;
      readonly query: PlannedQuery;
    }
  | {
      readonly kind: 'TransientQuery';
      /** No EMIT clause: a pull query over the current state. */
      readonly pull: boolean;
      readonly columns: readonly Column[];
      readonly limit?: number;
      readonly query: PlannedQuery;
    }
  | {
      readonly kind: 'InsertValues';
      readonly target: SourceDefinition;
      /** One typed, literal-only expression per listed column (ROWTIME sets the timestamp). */
      readonly values: readonly { readonly column: string; readonly expression: Expression }[];
    }
  | {
      readonly kind: 'Explain';
      /** What the explained statement would do; nothing is executed. */
      readonly explained: CompiledStatement;
      /** The logical plan and topology description, for queries. */
      readonly text: string;
    }
  | { readonly kind: 'NoOp'; readonly reason: string }
  | { readonly kind: 'Passthrough'; readonly statement: Statement };

export type CompiledStatementKind = CompiledStatement['kind'];
