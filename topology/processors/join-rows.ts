import type { LogicalSchema } from '../spec';
import type { Row } from '../serdes/serde-contract';

/** Join output value: left value columns then right value columns, NULL-padding a missing side. */
export function joiner(
  leftSchema: LogicalSchema,
  rightSchema: LogicalSchema,
): (left: Row | null, right: Row | null) => Row {
  const leftNulls = leftSchema.value.map(() => null);
  const rightNulls = rightSchema.value.map(() => null);
  return (left, right) => [...(left ?? leftNulls), ...(right ?? rightNulls)];
}
