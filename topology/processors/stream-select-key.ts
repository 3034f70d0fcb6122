import type { StreamSelectKeyStep } from '../spec';
import { compileKey } from './key-evaluator';
import type { StepBuilder } from './processor';

/** PARTITION BY on a stream: the key becomes the key expressions (NULL for a null value); value and timestamp kept. */
export const buildStreamSelectKey: StepBuilder<StreamSelectKeyStep> = (step, ctx) => {
  const keyOf = compileKey(step.keyExpressions, ctx.inputSchemas[0]!, ctx);
  return Promise.resolve({
    inputs: [
      {
        process: (record) =>
          ctx.forward({
            ...record,
            key: record.value === null ? step.schema.key.map(() => null) : keyOf(record),
          }),
      },
    ],
  });
};
