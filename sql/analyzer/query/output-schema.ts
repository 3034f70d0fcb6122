import type { Expression as IrExpression, SelectExpression } from '../../../topology/spec';
import type { Query } from '../../ast';
import type { Column } from '../../catalog';
import { AnalysisErrorCodes, fail } from '../analysis-error';
import { ConfigKeys, configValue } from '../analyzer-config';
import { sameIr } from '../ir-utils';
import { isUntypedNull } from '../literal-analysis';
import type { QueryAnalysisOptions } from './query-state';
import type { SelectItemAnalysis } from './select-items';

/** What the pre-projection key is, so the projection can be checked against it. */
export interface KeyContext {
  readonly kind: 'SOURCE' | 'JOIN' | 'GROUP BY' | 'PARTITION BY';
  readonly keys: readonly Column[];
  /** How the key expressions read in messages (`S1.ID`, `ID`). */
  readonly texts: readonly string[];
  /** JOIN: expressions equal to the join key. */
  readonly equivalents?: readonly IrExpression[];
}

export interface OutputSchema {
  readonly keyColumns: readonly Column[];
  /**
   * Set when the output key lists the input key columns in another order (the new query
   * planner keeps projection order): the input key column of each output key column.
   */
  readonly keyOrder?: readonly string[];
  readonly projection: readonly SelectExpression[];
  readonly valueColumns: readonly Column[];
}

const RESERVED = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

/**
 * Splits the select items into key and value columns with ksqlDB's rules: a persistent query
 * must project every key column (once; aliasing renames it), needs a value column, and may not
 * use reserved names. A transient query's items are all value columns.
 */
export function classifyOutput(
  items: readonly SelectItemAnalysis[],
  ctx: KeyContext,
  options: QueryAnalysisOptions,
  query: Query,
): OutputSchema {
  for (const item of items) {
    if (isUntypedNull(item.expression)) {
      fail(
        AnalysisErrorCodes.nullType,
        "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
        item.node?.span ?? query.span,
      );
    }
  }
  if (!options.persistent) return { keyColumns: [], ...valuesOf(items) };
  const newPlanner = configValue(options.config, ConfigKeys.newQueryPlanner) === 'true';
  const keys = matchKeys(items, ctx, query);
  if (
    keys.missing.length > 0 &&
    !(newPlanner && ctx.kind === 'SOURCE' && keys.matched.length === 0)
  ) {
    const listed = ctx.kind === 'JOIN' ? keys.missing : ctx.texts;
    fail(
      AnalysisErrorCodes.missingKeyColumns,
      missingKeyMessage(ctx, listed, options.sinkName ?? 'OUTPUT'),
      query.span,
    );
  }
  const keyItems = new Set(keys.matched.map((m) => m.item));
  const values = items.filter((i) => !keyItems.has(i));
  checkValues(
    values,
    keys.matched.map((m) => m.item.name),
    query,
  );
  const matched =
    newPlanner && ctx.kind === 'SOURCE'
      ? [...keys.matched].sort((a, b) => a.position - b.position)
      : keys.matched;
  const reordered = matched.some((m, i) => m !== keys.matched[i]);
  return {
    keyColumns: matched.map((m) => ({
      name: m.item.name,
      type: m.item.expression.type,
      namespace: 'KEY',
    })),
    ...(reordered ? { keyOrder: matched.map((m) => m.input) } : {}),
    ...valuesOf(values),
  };
}

function valuesOf(
  items: readonly SelectItemAnalysis[],
): Pick<OutputSchema, 'projection' | 'valueColumns'> {
  return {
    projection: items.map((i) => ({ name: i.name, expression: i.expression })),
    valueColumns: items.map((i) => ({ name: i.name, type: i.expression.type, namespace: 'VALUE' })),
  };
}

interface KeyMatch {
  readonly item: SelectItemAnalysis;
  /** The input key column it projects. */
  readonly input: string;
  readonly position: number;
}

/** Finds the select item projecting each key column (any join-equivalent expression for joins). */
function matchKeys(
  items: readonly SelectItemAnalysis[],
  ctx: KeyContext,
  query: Query,
): { matched: KeyMatch[]; missing: string[] } {
  const isKeyRef = (item: SelectItemAnalysis, key: Column): boolean => {
    const e = item.expression;
    if (ctx.kind === 'JOIN') return (ctx.equivalents ?? []).some((q) => sameIr(q, e));
    return e.kind === 'ColumnRef' && e.name === key.name;
  };
  const matched: KeyMatch[] = [];
  const missing: string[] = [];
  for (const [i, key] of ctx.keys.entries()) {
    const matches = items.filter((item) => isKeyRef(item, key));
    const first = matches[0];
    if (!first) {
      missing.push(...(ctx.kind === 'JOIN' ? ctx.texts : [ctx.texts[i] ?? key.name]));
      continue;
    }
    if (matches.length > 1 && ctx.kind !== 'JOIN') {
      fail(
        AnalysisErrorCodes.keyRule,
        `The projection contains a key column (\`${key.name}\`) more than once, aliased as: ${matches.map((m) => m.name).join(' and ')}.`,
        query.span,
      );
    }
    matched.push({ item: first, input: key.name, position: items.indexOf(first) });
  }
  return { matched, missing };
}

function checkValues(
  values: readonly SelectItemAnalysis[],
  keyNames: readonly string[],
  query: Query,
): void {
  if (values.length === 0)
    fail(
      AnalysisErrorCodes.noValueColumns,
      'The projection contains no value columns.',
      query.span,
    );
  const seen = new Set(keyNames);
  for (const item of values) {
    if (RESERVED.has(item.name)) {
      fail(
        AnalysisErrorCodes.reservedColumn,
        `Reserved column name in select: \`${item.name}\`. Please remove or alias the column.`,
        item.node?.span ?? query.span,
      );
    }
    if (seen.has(item.name)) {
      fail(
        AnalysisErrorCodes.duplicateColumn,
        `Duplicate column name: \`${item.name}\`. Please alias one of them.`,
        item.node?.span ?? query.span,
      );
    }
    seen.add(item.name);
  }
}

function missingKeyMessage(ctx: KeyContext, missing: readonly string[], sink: string): string {
  const plural = missing.length > 1;
  const what = {
    SOURCE: plural ? 'key columns' : 'key column',
    JOIN: plural ? 'join expressions' : 'join expression',
    'GROUP BY': plural ? 'grouping expressions' : 'grouping expression',
    'PARTITION BY': plural ? 'partitioning expressions' : 'partitioning expression',
  }[ctx.kind];
  const list = ctx.kind === 'JOIN' ? joinList(missing, ' or ') : joinList(missing, ' and ');
  const example = ctx.kind === 'JOIN' ? missing[0] : missing.join(', ');
  return `The query used to build \`${sink}\` must include the ${what} ${list} in its projection (eg, SELECT ${example}...).`;
}

function joinList(items: readonly string[], last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`;
}
