import type { Expression, LogicalSchema } from '../spec';
import type { Row } from '../serdes/serde-contract';
import type { StepContext } from './processor';
import type { StreamRecord } from './stream-record';

/** Compiles key expressions (GROUP BY / PARTITION BY) into one evaluator of the new key row. */
export function compileKey(
  expressions: readonly Expression[],
  schema: LogicalSchema,
  ctx: StepContext,
): (record: StreamRecord, value?: Row | null) => Row {
  const evaluators = expressions.map((e) => ctx.compile(e, schema));
  return (record, value) => evaluators.map((e) => e(record, value));
}

export function hasNull(key: Row): boolean {
  return key.some((v) => v === null);
}
