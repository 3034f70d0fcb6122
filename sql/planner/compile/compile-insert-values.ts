import { formatSqlType, SqlTypes } from '../../../topology/spec';
import type { InsertValues } from '../../ast';
import { AnalysisErrorCodes, fail } from '../../analyzer/analysis-error';
import { coerce } from '../../analyzer/coercion';
import { ExpressionAnalyzer } from '../../analyzer/expression-analyzer';
import { isUntypedNull } from '../../analyzer/literal-analysis';
import { Scope } from '../../analyzer/scope';
import { isAssignable, isNumeric } from '../../analyzer/types';
import type { CompileContext } from './compile-context';
import type { CompiledStatement } from './compiled-statement';

/** INSERT INTO ... VALUES: one row, each value typed and coerced to its column. */
export function compileInsertValues(stmt: InsertValues, ctx: CompileContext): CompiledStatement {
  const name = stmt.target.name;
  const target = ctx.catalog.getSource(name);
  if (!target) {
    const similar = ctx.catalog
      .listSources()
      .find((s) => s.name.toUpperCase() === name.toUpperCase());
    const hint = !similar
      ? ''
      : stmt.target.quote === 'none'
        ? `\nDid you mean "${similar.name}"? Hint: wrap the source name in double quotes to make it case-sensitive.`
        : `\nDid you mean ${similar.name}? Hint: try removing double quotes from the source name.`;
    fail(
      AnalysisErrorCodes.unknownSource,
      `Cannot insert values into an unknown stream/table: \`${name}\`${hint}`,
      stmt.target.span,
    );
  }
  if (target.readOnly) {
    fail(
      AnalysisErrorCodes.readOnlySource,
      `Cannot insert values into read-only ${target.kind.toLowerCase()}: ${name}`,
      stmt.target.span,
    );
  }
  const writable = target.columns.filter((c) => c.namespace !== 'HEADERS');
  const names = stmt.columns?.map((c) => c.name) ?? writable.map((c) => c.name);
  if (names.length !== stmt.values.length) {
    fail(
      AnalysisErrorCodes.invalidExpression,
      `Expected a value for each column. Expected Columns: [${names.join(', ')}]. Got ${stmt.values.length} values.`,
      stmt.span,
    );
  }
  const analyzer = new ExpressionAnalyzer(ctx.catalog, {
    scope: new Scope([], false),
    clause: 'VALUES',
    config: ctx.config,
  });
  const values = names.map((column, i) => {
    const node = stmt.values[i]!;
    const type =
      column === 'ROWTIME' ? SqlTypes.bigint : writable.find((c) => c.name === column)?.type;
    if (!type)
      fail(
        AnalysisErrorCodes.unknownColumn,
        `Column name ${column} does not exist.`,
        stmt.columns?.[i]?.span ?? node.span,
      );
    const expr = analyzer.analyze(node);
    if (
      !isUntypedNull(expr) &&
      !isAssignable(expr.type, type) &&
      !(isNumeric(expr.type) && isNumeric(type)) &&
      !(expr.kind === 'Literal' && expr.type.kind === 'STRING')
    ) {
      fail(
        AnalysisErrorCodes.typeMismatch,
        `Expected type ${formatSqlType(type)} for field ${column} but got ${formatSqlType(expr.type)}`,
        node.span,
      );
    }
    return { column, expression: coerce(expr, type, node.span) };
  });
  return { kind: 'InsertValues', target, values };
}
