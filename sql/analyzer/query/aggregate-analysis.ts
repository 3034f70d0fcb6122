import { durationMillis, type Query, type WindowExpression } from '../../ast';
import type {
  Expression as IrExpression,
  FunctionCall as IrFunctionCall,
  WindowSpec,
} from '../../../topology/spec';
import { assertNever } from '../../ast';
import type { Column } from '../../catalog';
import { AnalysisErrorCodes, fail } from '../analysis-error';
import type { ExpressionAnalyzer } from '../expression-analyzer';
import { columnRefs, rewriteIr, sameIr } from '../ir-utils';
import type { SelectItemAnalysis, SyntheticNames } from './select-items';

/** Collects aggregate calls as `KSQL_AGG_VARIABLE_<n>` columns (equal calls share one). */
export class AggregateCollector {
  readonly calls: IrFunctionCall[] = [];
  readonly tableFunctions: IrFunctionCall[] = [];

  aggregate(call: IrFunctionCall): IrExpression {
    let index = this.calls.findIndex((c) => sameIr(c, call));
    if (index < 0) index = this.calls.push(call) - 1;
    return { kind: 'ColumnRef', name: `KSQL_AGG_VARIABLE_${index}`, type: call.type };
  }

  tableFunction(call: IrFunctionCall): IrExpression {
    const index = this.tableFunctions.push(call) - 1;
    return { kind: 'ColumnRef', name: `KSQL_SYNTH_${index}`, type: call.type };
  }
}

export function windowSpec(window: WindowExpression): WindowSpec {
  const retentionMs = window.retention ? durationMillis(window.retention) : null;
  const graceMs = window.grace ? durationMillis(window.grace) : null;
  switch (window.kind) {
    case 'TumblingWindow':
      return { type: 'TUMBLING', sizeMs: durationMillis(window.size), graceMs, retentionMs };
    case 'HoppingWindow':
      return {
        type: 'HOPPING',
        sizeMs: durationMillis(window.size),
        advanceMs: durationMillis(window.advance),
        graceMs,
        retentionMs,
      };
    case 'SessionWindow':
      return { type: 'SESSION', gapMs: durationMillis(window.gap), graceMs, retentionMs };
    default:
      return assertNever(window, 'window');
  }
}

export interface GroupKey {
  readonly expression: IrExpression;
  readonly column: Column;
}

/** Names the GROUP BY key columns: the alias of an equal select item, the column name, or KSQL_COL_n. */
export function groupKeys(
  groupBy: readonly IrExpression[],
  items: readonly SelectItemAnalysis[],
  names: SyntheticNames,
  outputName: (e: IrExpression) => string | undefined,
): GroupKey[] {
  return groupBy.map((expression) => {
    const item = items.find((i) => sameIr(i.expression, expression));
    const name = item?.name ?? outputName(expression) ?? names.allocate();
    return { expression, column: { name, type: expression.type, namespace: 'KEY' } };
  });
}

/** Replaces GROUP BY expressions by their key columns and checks nothing else is read. */
export function bindToGroupKeys(
  expr: IrExpression,
  keys: readonly GroupKey[],
  node: { span: import('../../ast').Span },
  text: string,
): IrExpression {
  const bound = rewriteIr(expr, (e) => {
    const key = keys.find((k) => sameIr(k.expression, e));
    return key ? { kind: 'ColumnRef', name: key.column.name, type: key.column.type } : undefined;
  });
  for (const ref of columnRefs(bound)) {
    const allowed =
      (ref.kind === 'ColumnRef' &&
        (ref.name.startsWith('KSQL_AGG_VARIABLE_') ||
          keys.some((k) => k.column.name === ref.name))) ||
      (ref.kind === 'PseudoColumn' && (ref.name === 'WINDOWSTART' || ref.name === 'WINDOWEND'));
    if (!allowed) {
      fail(
        AnalysisErrorCodes.aggregation,
        `Non-aggregate SELECT expression(s) not part of GROUP BY: ${text}`,
        node.span,
      );
    }
  }
  return bound;
}

export function analyzeGroupBy(query: Query, analyzer: ExpressionAnalyzer): IrExpression[] {
  return (query.groupBy ?? []).map((e) => analyzer.with({ clause: 'GROUP BY' }).typed(e));
}
