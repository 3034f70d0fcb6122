import type { StreamAggregateStep, TableAggregateStep } from '../spec';
import { rowCodec } from '../state';
import type { AggregateState, Aggregator } from './aggregator';
import { guarded } from './guarded';
import type { BuiltStep, StepContext } from './processor';
import { requireStore } from './require-store';
import type { StreamRecord } from './stream-record';

/** The new state of a group after one record; null leaves the group untouched. */
export type ApplyRecord = (
  state: AggregateState | null,
  record: StreamRecord,
) => AggregateState | null;

/**
 * The non-windowed aggregate processor shared by stream and table aggregation: one store row per
 * group; an update carries max(record timestamp, previous aggregate timestamp) and the previous
 * result as old value, forwarded at once or coalesced until the store flushes.
 */
export async function buildKeyedAggregate(
  step: StreamAggregateStep | TableAggregateStep,
  ctx: StepContext,
  aggregator: Aggregator,
  apply: ApplyRecord,
): Promise<BuiltStep> {
  const store = await ctx.stores.keyValue(
    requireStore(step, 0),
    rowCodec(step.schema.key),
    aggregator.codec(),
  );
  const origin = { topic: '', partition: -1, offset: -1 };
  const coalesced = store.forwardOnFlush((key, now, before) =>
    ctx.forward({
      key,
      window: null,
      value: now ? aggregator.result(now.value) : null,
      oldValue: before ? aggregator.result(before.value) : null,
      timestamp: now?.timestamp ?? before?.timestamp ?? 0,
      headers: [],
      origin,
    }),
  );
  return {
    inputs: [
      {
        process: guarded(ctx, async (record) => {
          const old = await store.get(record.key);
          // Rendered before `apply`: an accumulator may be updated in place.
          const oldResult = old ? aggregator.result(old.value) : null;
          const state = apply(old?.value ?? null, record);
          if (!state) return;
          const timestamp = old ? Math.max(old.timestamp, record.timestamp) : record.timestamp;
          await store.put(record.key, state, timestamp);
          if (!coalesced)
            await ctx.forward({
              ...record,
              value: aggregator.result(state),
              oldValue: oldResult,
              timestamp,
            });
        }),
      },
    ],
    getter: {
      get: async (key) => {
        const current = await store.get(key);
        return current
          ? { value: aggregator.result(current.value), timestamp: current.timestamp }
          : null;
      },
    },
  };
}
