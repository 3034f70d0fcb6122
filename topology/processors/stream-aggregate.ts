import type { StreamAggregateStep } from '../spec';
import { Aggregator } from './aggregator';
import { buildKeyedAggregate } from './keyed-aggregate';
import type { StepBuilder } from './processor';

/**
 * Stream aggregation (KStreamAggregate): each record adds to its group; a null value adds an
 * empty row rather than being dropped.
 */
export const buildStreamAggregate: StepBuilder<StreamAggregateStep> = async (step, ctx) => {
  const aggregator = new Aggregator(step, ctx.inputSchemas[0]!, ctx);
  return buildKeyedAggregate(step, ctx, aggregator, (state, record) =>
    aggregator.add(state ?? aggregator.init(), record, record.value ?? []),
  );
};
