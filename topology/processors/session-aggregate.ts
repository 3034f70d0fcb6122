import {
  effectiveGraceMs,
  effectiveRetentionMs,
  type StreamWindowedAggregateStep,
  type WindowSpec,
} from '../spec';
import type { Row } from '../serdes/serde-contract';
import { Aggregator, type AggregateState } from './aggregator';
import { guarded } from './guarded';
import type { BuiltStep, StepContext } from './processor';
import { requireStore } from './require-store';
import type { StreamRecord } from './stream-record';

type SessionWindow = Extract<WindowSpec, { type: 'SESSION' }>;

/**
 * SESSION aggregation (KStreamSessionWindowAggregate). A record opens [ts, ts] and merges every
 * session of its key within the gap; merged sessions are removed and, under EMIT CHANGES, each
 * emits a tombstone stamped with its own end. Results are stamped with the session end
 * (inclusive: the last record's timestamp). A session is closed once its end < stream time -
 * grace - gap; a record whose merged session would be closed is dropped and counted.
 * EMIT FINAL emits, after each record, the sessions that closed since the last emission.
 */
export async function buildSessionAggregate(
  step: StreamWindowedAggregateStep,
  window: SessionWindow,
  ctx: StepContext,
): Promise<BuiltStep> {
  const aggregator = new Aggregator(step, ctx.inputSchemas[0]!, ctx);
  aggregator.requireMerge(step.id);
  const storeSpec = requireStore(step, 0);
  const store = await ctx.stores.session(
    { ...storeSpec, retentionMs: storeSpec.retentionMs ?? effectiveRetentionMs(window) },
    step.schema.key,
    aggregator.codec(),
  );
  const closeLag = effectiveGraceMs(window) + window.gapMs;
  const origin = { topic: '', partition: -1, offset: -1 };
  const coalesced =
    !ctx.emitFinal &&
    store.forwardOnFlush((session, now, before) =>
      ctx.forward({
        key: session.key,
        window: { start: session.start, end: session.end },
        value: now ? aggregator.result(now.value) : null,
        oldValue: before ? aggregator.result(before.value) : null,
        timestamp: now?.timestamp ?? before?.timestamp ?? session.end,
        headers: [],
        origin,
      }),
    );
  const eager = !ctx.emitFinal && !coalesced;
  const clock = await ctx.stores.processorState(step.id);
  const saved = await clock.load();
  let streamTime = saved.streamTime ?? -1;
  let lastEmitClose = saved.lastEmitClose ?? -1;

  const emitClosed = async (record: StreamRecord): Promise<void> => {
    const close = streamTime - closeLag;
    if (close <= lastEmitClose || close <= 0) return;
    for (const s of await store.fetchEndingBetween(Math.max(lastEmitClose, 0), close - 1)) {
      await ctx.forward({
        ...record,
        key: s.key,
        window: { start: s.start, end: s.end },
        value: aggregator.result(s.value),
        oldValue: null,
        timestamp: s.end,
      });
    }
    lastEmitClose = close;
  };

  const process = async (record: StreamRecord): Promise<void> => {
    const ts = record.timestamp;
    streamTime = Math.max(streamTime, ts);
    const found = await store.findSessions(record.key, ts - window.gapMs, ts + window.gapMs);
    const start = Math.min(ts, ...found.map((s) => s.start));
    const end = Math.max(ts, ...found.map((s) => s.end));
    if (end < streamTime - closeLag) {
      ctx.report(
        'LATE_RECORD',
        `session [${start},${end}] closed at stream time ${streamTime}`,
        record,
      );
    } else {
      let state: AggregateState = aggregator.init();
      for (const s of found) state = aggregator.merge(state, s.value);
      if (start !== ts || end !== ts) {
        for (const s of found) {
          await store.remove(record.key, s.start, s.end, s.end);
          if (eager) {
            await ctx.forward({
              ...record,
              window: { start: s.start, end: s.end },
              value: null,
              oldValue: aggregator.result(s.value),
              timestamp: s.end,
            });
          }
        }
      }
      state = aggregator.add(state, record, record.value ?? ([] as Row));
      await store.put(record.key, start, end, state, end);
      if (eager)
        await ctx.forward({
          ...record,
          window: { start, end },
          value: aggregator.result(state),
          oldValue: null,
          timestamp: end,
        });
    }
    if (ctx.emitFinal) await emitClosed(record);
    await clock.save({ streamTime, lastEmitClose });
  };

  return { inputs: [{ process: guarded(ctx, process) }] };
}
