import type { StreamSourceStep } from '../spec';
import type { StepBuilder } from './processor';
import type { BuiltSource } from './raw-record';
import { sourceDecoder } from './source-decoder';

/**
 * A stream source: decodes and forwards with the record (or TIMESTAMP column) time. A null value
 * travels on as ksqlDB's streams do: projections pass it through (a null output), filters,
 * aggregations and joins drop it.
 */
export const buildStreamSource: StepBuilder<StreamSourceStep> = (step, ctx) => {
  const decode = sourceDecoder(ctx.source(step.sourceName), ctx);
  const built: BuiltSource = {
    inputs: [],
    receive: async (raw) => {
      const record = await decode(raw);
      if (record) await ctx.forward(record);
    },
  };
  return Promise.resolve(built);
};
