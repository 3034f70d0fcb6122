import type { StreamFilterStep } from '../spec';
import type { StepBuilder } from './processor';

/** Forwards records whose predicate is TRUE; keeps the input timestamp. */
export const buildStreamFilter: StepBuilder<StreamFilterStep> = (step, ctx) => {
  const predicate = ctx.compile(step.predicate, ctx.inputSchemas[0]!);
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          if (record.value !== null && predicate(record) === true) await ctx.forward(record);
        },
      },
    ],
  });
};
