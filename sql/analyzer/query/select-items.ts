import type { Expression as IrExpression } from '../../../topology/spec';
import type { Expression, SelectItem } from '../../ast';
import { AnalysisErrorCodes, fail } from '../analysis-error';
import type { ExpressionAnalyzer } from '../expression-analyzer';
import type { Scope } from '../scope';

/** One output column of a SELECT before key/value classification. */
export interface SelectItemAnalysis {
  readonly name: string;
  readonly expression: IrExpression;
  /** The AST it came from; absent for `*` expansions. */
  readonly node?: Expression;
  readonly aliased: boolean;
  readonly fromStar: boolean;
}

/** Columns visible to `*` in the pre-projection schema (after joins, PARTITION BY, ...). */
export interface StarColumn {
  readonly alias?: string;
  readonly name: string;
  readonly internalName: string;
  readonly expression: IrExpression;
}

/** Generates `KSQL_COL_<n>` names as ksqlDB numbers them: in order, skipping taken names. */
export class SyntheticNames {
  private next = 0;
  constructor(private readonly taken: Set<string>) {}
  allocate(): string {
    for (;;) {
      const name = `KSQL_COL_${this.next++}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
}

export function analyzeSelectItems(
  items: readonly SelectItem[],
  analyzer: ExpressionAnalyzer,
  scope: Scope,
  starColumns: readonly StarColumn[],
  names: SyntheticNames,
): SelectItemAnalysis[] {
  const out: SelectItemAnalysis[] = [];
  for (const item of items) {
    if (item.kind === 'SelectAll') {
      const alias = item.source?.name;
      if (alias !== undefined && !scope.findSource(alias)) {
        fail(
          AnalysisErrorCodes.unknownSource,
          `Source '${alias}' does not exist in the FROM clause.`,
          item.span,
        );
      }
      for (const col of starColumns.filter((c) => alias === undefined || c.alias === alias)) {
        out.push({
          name: scope.isJoin ? col.internalName : col.name,
          expression: col.expression,
          aliased: false,
          fromStar: true,
        });
      }
      continue;
    }
    if (item.kind === 'SelectStructAll') {
      const base = analyzer.typed(item.base);
      if (base.type.kind !== 'STRUCT')
        fail(AnalysisErrorCodes.typeMismatch, 'Only STRUCT columns support ->*', item.span);
      for (const field of base.type.fields) {
        out.push({
          name: field.name,
          expression: { kind: 'Dereference', base, field: field.name, type: field.type },
          aliased: false,
          fromStar: true,
        });
      }
      continue;
    }
    const expr = item.expression;
    const ir = analyzer.analyze(expr);
    out.push({
      name: item.alias?.name ?? defaultName(expr, scope, names),
      expression: ir,
      node: expr,
      aliased: item.alias !== undefined,
      fromStar: false,
    });
  }
  return out;
}

/** ksqlDB's name for an unaliased select expression. */
function defaultName(expr: Expression, scope: Scope, names: SyntheticNames): string {
  if (expr.kind === 'ColumnRef') {
    if (!scope.isJoin) return expr.name.name;
    const resolved = scope.resolve(expr);
    if (!resolved.source) return expr.name.name;
    const owners = scope.sources.filter((s) => s.columns.some((c) => c.name === expr.name.name));
    return owners.length === 1 && !resolved.pseudo ? expr.name.name : resolved.internalName;
  }
  if (expr.kind === 'Dereference') return expr.field.name;
  return names.allocate();
}
