import type { TableSourceStep } from '../spec';
import { rowCodec } from '../state';
import { tableKeyCodec } from './keyed-codecs';
import type { StepBuilder } from './processor';
import type { BuiltSource } from './raw-record';
import { sourceDecoder } from './source-decoder';
import { requireStore } from './require-store';

/**
 * A table source: materialises the topic in its store (a null value deletes) and forwards each
 * change with the key's previous row, which table filters, group-bys and joins need.
 * Records with a null Kafka key are skipped (a table row needs a key).
 */
export const buildTableSource: StepBuilder<TableSourceStep> = async (step, ctx) => {
  const source = ctx.source(step.sourceName);
  const decode = sourceDecoder(source, ctx);
  const store = await ctx.stores.keyValue(
    requireStore(step, 0),
    tableKeyCodec(step.schema.key),
    rowCodec(step.schema.value),
  );
  const origin = { topic: source.topic, partition: -1, offset: -1 };
  const coalesced = store.forwardOnFlush((k, now, before) =>
    ctx.forward({
      key: k.key,
      window: k.window,
      value: now?.value ?? null,
      oldValue: before?.value ?? null,
      timestamp: now?.timestamp ?? before?.timestamp ?? 0,
      headers: [],
      origin,
    }),
  );
  const built: BuiltSource = {
    inputs: [],
    getter: { get: (key) => store.get({ key, window: null }) },
    receive: async (raw) => {
      if (raw.key === null) {
        ctx.report('NULL_KEY', 'table record with a null key skipped', {
          key: [],
          value: null,
          timestamp: raw.timestamp,
          window: null,
          headers: raw.headers,
          origin: raw,
        });
        return;
      }
      const record = await decode(raw);
      if (!record) return;
      const tableKey = { key: record.key, window: record.window };
      const old = await store.get(tableKey);
      await store.put(tableKey, record.value, record.timestamp);
      if (!coalesced) await ctx.forward({ ...record, oldValue: old?.value ?? null });
    },
  };
  return built;
};
