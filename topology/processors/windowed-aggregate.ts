import {
  effectiveGraceMs,
  effectiveRetentionMs,
  type StreamWindowedAggregateStep,
  type WindowSpec,
} from '../spec';
import type { Row, Window } from '../serdes/serde-contract';
import { Aggregator } from './aggregator';
import { guarded } from './guarded';
import type { BuiltStep, StepContext } from './processor';
import { requireStore } from './require-store';
import type { StreamRecord } from './stream-record';
import { timeWindowsFor } from './time-windows';

type TimeWindow = Exclude<WindowSpec, { type: 'SESSION' }>;

/**
 * TUMBLING/HOPPING aggregation (KStreamWindowAggregate). Stream time is the largest timestamp
 * seen by this processor (per task). A window is closed once its end <= stream time - grace;
 * records for closed windows are dropped and counted.
 *
 * EMIT CHANGES forwards every update. EMIT FINAL (emit-on-window-close) forwards nothing
 * eagerly; after each record it emits the windows that closed since the last emission: starts in
 * [lastClose - size + 1, close - size], limited to windows the store still retains
 * (start >= largest start - (size + grace)), each with its aggregate's timestamp.
 */
export async function buildTimeWindowedAggregate(
  step: StreamWindowedAggregateStep,
  window: TimeWindow,
  ctx: StepContext,
): Promise<BuiltStep> {
  const aggregator = new Aggregator(step, ctx.inputSchemas[0]!, ctx);
  const storeSpec = requireStore(step, 0);
  const store = await ctx.stores.window(
    { ...storeSpec, retentionMs: storeSpec.retentionMs ?? effectiveRetentionMs(window) },
    step.schema.key,
    aggregator.codec(),
  );
  const grace = effectiveGraceMs(window);
  const origin = { topic: '', partition: -1, offset: -1 };
  const coalesced =
    !ctx.emitFinal &&
    store.forwardOnFlush((key, start, now, before) =>
      ctx.forward({
        key,
        window: { start, end: start + window.sizeMs },
        value: now ? aggregator.result(now.value) : null,
        oldValue: before ? aggregator.result(before.value) : null,
        timestamp: now?.timestamp ?? before?.timestamp ?? 0,
        headers: [],
        origin,
      }),
    );
  const clock = await ctx.stores.processorState(step.id);
  const saved = await clock.load();
  let streamTime = saved.streamTime ?? -1;
  let lastEmitClose = saved.lastEmitClose ?? -1;
  store.restoreObserved(saved.observedStart ?? -1);

  const emitClosed = async (record: StreamRecord): Promise<void> => {
    const close = streamTime - grace;
    if (lastEmitClose >= 0 && close <= lastEmitClose) return;
    const upper = close - window.sizeMs;
    if (upper < 0) return;
    const lower = lastEmitClose < 0 ? 0 : Math.max(0, lastEmitClose - window.sizeMs + 1);
    for (const entry of await store.fetchAll(lower, upper)) {
      const w: Window = { start: entry.start, end: entry.start + window.sizeMs };
      await ctx.forward({
        ...record,
        key: entry.key,
        window: w,
        value: aggregator.result(entry.value),
        oldValue: null,
        timestamp: entry.timestamp,
      });
    }
    lastEmitClose = close;
  };

  const update = async (record: StreamRecord, w: Window): Promise<void> => {
    const old = await store.fetch(record.key, w.start);
    const state = aggregator.add(
      old?.value ?? aggregator.init(),
      record,
      record.value ?? ([] as Row),
    );
    const timestamp = old ? Math.max(old.timestamp, record.timestamp) : record.timestamp;
    await store.put(record.key, w.start, state, timestamp);
    if (ctx.emitFinal || coalesced) return;
    await ctx.forward({
      ...record,
      window: w,
      value: aggregator.result(state),
      oldValue: old ? aggregator.result(old.value) : null,
      timestamp,
    });
  };

  return {
    inputs: [
      {
        process: guarded(ctx, async (record) => {
          streamTime = Math.max(streamTime, record.timestamp);
          const close = streamTime - grace;
          for (const w of timeWindowsFor(window, record.timestamp)) {
            if (w.end <= close)
              ctx.report(
                'LATE_RECORD',
                `window [${w.start},${w.end}) closed at stream time ${streamTime}`,
                record,
              );
            else await update(record, w);
          }
          if (ctx.emitFinal) await emitClosed(record);
          await clock.save({ streamTime, lastEmitClose, observedStart: store.observedStart });
        }),
      },
    ],
  };
}
