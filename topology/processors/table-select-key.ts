import type { TableSelectKeyStep } from '../spec';
import { rowCodec } from '../state';
import { compileKey } from './key-evaluator';
import type { BuiltStep, StepBuilder, StepContext } from './processor';
import { requireStore } from './require-store';

/**
 * PARTITION BY on a table, writer side: a row whose key changes is deleted under its old key
 * first, then written under its new key.
 */
export const buildTableSelectKey: StepBuilder<TableSelectKeyStep> = (step, ctx) => {
  const keyOf = compileKey(step.keyExpressions, ctx.inputSchemas[0]!, ctx);
  const keyBytes = rowCodec(step.schema.key).encode;
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          const newKey = record.value ? keyOf(record) : null;
          const oldKey = record.oldValue ? keyOf(record, record.oldValue) : null;
          if (oldKey && (!newKey || !keyBytes(oldKey).equals(keyBytes(newKey)))) {
            await ctx.forward({ ...record, key: oldKey, value: null });
          }
          if (newKey) await ctx.forward({ ...record, key: newKey });
        },
      },
    ],
  });
};

/**
 * Reader side, in the sub-topology that consumes the repartition topic: materialises the
 * re-keyed table in `stores[0]` and forwards each change with the key's previous row.
 */
export async function buildTableSelectKeyReader(
  step: TableSelectKeyStep,
  ctx: StepContext,
): Promise<BuiltStep> {
  const store = await ctx.stores.keyValue(
    requireStore(step, 0),
    rowCodec(step.schema.key),
    rowCodec(step.schema.value),
  );
  return {
    inputs: [
      {
        process: async (record) => {
          const old = await store.get(record.key);
          await store.put(record.key, record.value, record.timestamp);
          await ctx.forward({ ...record, oldValue: old?.value ?? null });
        },
      },
    ],
    getter: { get: (key) => store.get(key) },
  };
}
