import type { StreamSelectStep } from '../spec';
import type { StepBuilder } from './processor';
import { compileSelect } from './select-values';

/** Projection: same key, new value, input timestamp; a null value passes through. */
export const buildStreamSelect: StepBuilder<StreamSelectStep> = (step, ctx) => {
  const select = compileSelect(step.selectExpressions, ctx.inputSchemas[0]!, ctx);
  return Promise.resolve({
    inputs: [
      {
        process: (record) =>
          ctx.forward(record.value === null ? record : { ...record, value: select(record) }),
      },
    ],
  });
};
