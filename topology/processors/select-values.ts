import type { SelectExpression, LogicalSchema } from '../spec';
import type { Row } from '../serdes/serde-contract';
import type { StepContext } from './processor';
import type { StreamRecord } from './stream-record';

/** Compiles a projection; the result maps a record (and optionally another value row) to the new value. */
export function compileSelect(
  selects: readonly SelectExpression[],
  schema: LogicalSchema,
  ctx: StepContext,
): (record: StreamRecord, value?: Row | null) => Row {
  const evaluators = selects.map((s) => ctx.compile(s.expression, schema));
  return (record, value) => evaluators.map((e) => e(record, value));
}
