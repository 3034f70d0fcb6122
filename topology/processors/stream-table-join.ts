import type { StreamTableJoinStep } from '../spec';
import { joiner } from './join-rows';
import { hasNull } from './key-evaluator';
import type { StepBuilder } from './processor';

/**
 * Stream-table join (KStreamKTableJoin): each stream record looks the table up by key and takes
 * the stream record's timestamp. Table changes only update the table (upstream); they never
 * emit. A stream record with a NULL key joins nothing (INNER drops it, LEFT pads).
 */
export const buildStreamTableJoin: StepBuilder<StreamTableJoinStep> = (step, ctx) => {
  const table = ctx.getter(step.right);
  const join = joiner(ctx.inputSchemas[0]!, ctx.inputSchemas[1]!);
  const inner = step.joinType === 'INNER';
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          if (record.value === null)
            return ctx.report('NULL_VALUE', 'stream-table join: null value dropped', record);
          const right = hasNull(record.key) ? null : await table.get(record.key);
          if (!right && inner) {
            if (hasNull(record.key))
              ctx.report('NULL_KEY', 'stream-table join: record with a NULL key dropped', record);
            return;
          }
          await ctx.forward({ ...record, value: join(record.value, right?.value ?? null) });
        },
      },
      { process: () => Promise.resolve() },
    ],
  });
};
