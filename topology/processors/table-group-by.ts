import type { TableGroupByStep } from '../spec';
import { rowCodec } from '../state';
import { compileKey, hasNull } from './key-evaluator';
import type { StepBuilder } from './processor';

/**
 * GROUP BY on a table (Kafka Streams' KTableRepartitionMap). A change whose group is unchanged
 * travels as one record carrying both rows, so the aggregate subtracts and adds atomically
 * (KIP-904); otherwise the retraction of the old row (old group) is sent before the addition of
 * the new row (new group). Rows whose group key has a NULL column are dropped.
 */
export const buildTableGroupBy: StepBuilder<TableGroupByStep> = (step, ctx) => {
  const keyOf = compileKey(step.groupByExpressions, ctx.inputSchemas[0]!, ctx);
  const keyBytes = rowCodec(step.schema.key).encode;
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          const oldKey = record.oldValue ? keyOf(record, record.oldValue) : null;
          const newKey = record.value ? keyOf(record) : null;
          const usable = (k: typeof oldKey): k is NonNullable<typeof oldKey> =>
            k !== null && !hasNull(k);
          if (record.value && !usable(newKey))
            ctx.report('NULL_KEY', 'GROUP BY key with a NULL column: row dropped', record);
          if (usable(oldKey) && usable(newKey) && keyBytes(oldKey).equals(keyBytes(newKey))) {
            await ctx.forward({ ...record, key: newKey });
            return;
          }
          if (usable(oldKey)) await ctx.forward({ ...record, key: oldKey, value: null });
          if (usable(newKey)) await ctx.forward({ ...record, key: newKey, oldValue: null });
        },
      },
    ],
  });
};
