import type { StreamStreamJoinStep } from '../spec';
import { rowCodec } from '../state';
import { joiner } from './join-rows';
import { hasNull } from './key-evaluator';
import { OuterJoinBuffer } from './outer-join-buffer';
import type { Processor, StepBuilder } from './processor';
import { requireStore } from './require-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Windowed stream-stream join (KStreamKStreamJoin). Each side stores its records in its window
 * store, then joins with the other side's records whose timestamps fall in the window
 * ([ts - before, ts + after] seen from the left); results take the larger timestamp.
 *
 * Legacy regime (`graceMs` null, WITHIN without GRACE): grace = 24h - (before + after) and a
 * LEFT/OUTER record without a match is emitted NULL-padded at once.
 * GRACE regime: such a record waits in the outer-join buffer and is emitted NULL-padded (with
 * its own timestamp) once its window has closed (ts + lookback + grace < stream time), unless a
 * match arrives first. Stream time is shared by both sides.
 */
export const buildStreamStreamJoin: StepBuilder<StreamStreamJoinStep> = async (step, ctx) => {
  const [leftSchema, rightSchema] = [ctx.inputSchemas[0]!, ctx.inputSchemas[1]!];
  const grace = step.graceMs ?? Math.max(DAY_MS - (step.beforeMs + step.afterMs), 0);
  const retentionMs = step.beforeMs + step.afterMs + grace;
  const store = (i: number, columns: typeof leftSchema.value) =>
    ctx.stores.window(
      { ...requireStore(step, i), retentionMs, retainDuplicates: true },
      step.schema.key,
      rowCodec(columns),
    );
  const leftStore = await store(0, leftSchema.value);
  const rightStore = await store(1, rightSchema.value);
  const outer =
    step.graceMs !== null && step.joinType !== 'INNER'
      ? new OuterJoinBuffer(
          await ctx.stores.keyValue(
            requireStore(step, 2),
            OuterJoinBuffer.keyCodec(step.schema.key),
            OuterJoinBuffer.valueCodec(),
          ),
          {
            leftColumns: leftSchema.value,
            rightColumns: rightSchema.value,
            leftLookbackMs: step.afterMs,
            rightLookbackMs: step.beforeMs,
            graceMs: grace,
            clock: ctx.wallClock,
            emitIntervalMs: ctx.outerJoinEmitIntervalMs,
          },
        )
      : null;
  const join = joiner(leftSchema, rightSchema);
  const clock = await ctx.stores.processorState(step.id);
  const shared = { streamTime: (await clock.load()).streamTime ?? -1 };
  const leftOuter = step.joinType === 'LEFT' || step.joinType === 'OUTER';
  const rightOuter = step.joinType === 'RIGHT' || step.joinType === 'OUTER';
  const sideOf = (isLeft: boolean): Processor => ({
    process: async (record) => {
      if (hasNull(record.key) || record.value === null) {
        ctx.report(
          'NULL_KEY',
          'stream-stream join: record with a NULL key or value dropped',
          record,
        );
        return;
      }
      const ts = record.timestamp;
      await (isLeft ? leftStore : rightStore).put(record.key, ts, record.value, ts);
      shared.streamTime = Math.max(shared.streamTime, ts);
      await clock.save({ streamTime: shared.streamTime });
      if (outer && ts === shared.streamTime) {
        for (const r of await outer.expired(shared.streamTime, isLeft)) {
          await ctx.forward({
            ...record,
            key: r.key,
            value: r.isLeft ? join(r.value, null) : join(null, r.value),
            timestamp: r.timestamp,
          });
        }
      }
      const [from, to] = isLeft
        ? [ts - step.beforeMs, ts + step.afterMs]
        : [ts - step.afterMs, ts + step.beforeMs];
      const matches = await (isLeft ? rightStore : leftStore).fetchKey(
        record.key,
        Math.max(0, from),
        Math.max(0, to),
      );
      if (matches.length === 0 && (isLeft ? leftOuter : rightOuter)) {
        if (!outer || Math.max(0, to) < shared.streamTime) {
          await ctx.forward({
            ...record,
            value: isLeft ? join(record.value, null) : join(null, record.value),
          });
        } else {
          await outer.add(record.key, ts, isLeft, record.value);
        }
      }
      for (const m of matches) {
        if (outer) await outer.remove(record.key, m.timestamp, !isLeft);
        const value = isLeft ? join(record.value, m.value) : join(m.value, record.value);
        await ctx.forward({ ...record, value, timestamp: Math.max(ts, m.timestamp) });
      }
    },
  });
  return { inputs: [sideOf(true), sideOf(false)] };
};
