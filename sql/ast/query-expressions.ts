import type { Expression } from './expressions';
import type { Query, Relation } from './query';

/** Join conditions, outermost join last. */
function joinConditions(relation: Relation): Expression[] {
  return relation.kind === 'Join' ? [...joinConditions(relation.left), relation.on] : [];
}

/**
 * The top-level expressions of a query, in clause order: select items, join conditions, WHERE,
 * GROUP BY, HAVING, PARTITION BY. Combine with `walkExpression` to reach every sub-expression.
 */
export function queryExpressions(query: Query): Expression[] {
  const select = query.select.flatMap((item) =>
    item.kind === 'SelectColumn'
      ? [item.expression]
      : item.kind === 'SelectStructAll'
        ? [item.base]
        : [],
  );
  return [
    ...select,
    ...joinConditions(query.from),
    ...(query.where === undefined ? [] : [query.where]),
    ...(query.groupBy ?? []),
    ...(query.having === undefined ? [] : [query.having]),
    ...(query.partitionBy ?? []),
  ];
}
