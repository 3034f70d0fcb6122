import type { StreamGroupByStep, StreamGroupByKeyStep } from '../spec';
import { compileKey, hasNull } from './key-evaluator';
import type { StepBuilder } from './processor';

/**
 * GROUP BY on a stream: re-keys by the grouping expressions (the repartition follows in the
 * graph). A key with a NULL column cannot be grouped: the record is logged and dropped.
 */
export const buildStreamGroupBy: StepBuilder<StreamGroupByStep> = (step, ctx) => {
  const keyOf = compileKey(step.groupByExpressions, ctx.inputSchemas[0]!, ctx);
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          if (record.value === null)
            return ctx.report('NULL_VALUE', 'null value dropped by GROUP BY', record);
          const key = keyOf(record);
          if (hasNull(key)) {
            ctx.report('NULL_KEY', 'GROUP BY key with a NULL column: record dropped', record);
            return;
          }
          await ctx.forward({ ...record, key });
        },
      },
    ],
  });
};

/** GROUP BY the current key: nothing to re-key; NULL keys are dropped as above. */
export const buildStreamGroupByKey: StepBuilder<StreamGroupByKeyStep> = (_step, ctx) =>
  Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          if (record.value === null)
            return ctx.report('NULL_VALUE', 'null value dropped by GROUP BY', record);
          if (hasNull(record.key)) {
            ctx.report('NULL_KEY', 'GROUP BY key with a NULL column: record dropped', record);
            return;
          }
          await ctx.forward(record);
        },
      },
    ],
  });
