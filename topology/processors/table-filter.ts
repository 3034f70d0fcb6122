import type { TableFilterStep } from '../spec';
import type { StepBuilder } from './processor';
import { derivedGetter, getterRecord } from './derived-getter';

/**
 * Kafka Streams' KTableFilter with old values: a row that stops matching becomes a tombstone
 * (HAVING turning false); a change where neither the new nor the old row matches is dropped.
 */
export const buildTableFilter: StepBuilder<TableFilterStep> = (step, ctx) => {
  const predicate = ctx.compile(step.predicate, ctx.inputSchemas[0]!);
  const parent = ctx.getter(step.source);
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          const value = record.value !== null && predicate(record) === true ? record.value : null;
          const old = record.oldValue
            ? predicate(record, record.oldValue) === true
              ? record.oldValue
              : null
            : null;
          if (value === null && old === null && record.oldValue !== undefined) return;
          await ctx.forward({ ...record, value, oldValue: old });
        },
      },
    ],
    getter: derivedGetter(parent, (key, row, timestamp) =>
      predicate(getterRecord(key, row, timestamp)) === true ? row : null,
    ),
  });
};
