import type { TableAggregateStep } from '../spec';
import { Aggregator } from './aggregator';
import { buildKeyedAggregate } from './keyed-aggregate';
import type { StepBuilder } from './processor';

/**
 * Table aggregation (KTableAggregate): a change first undoes its old row (`oldValue`), then adds
 * its new row (`value`); a group with no state and no new row is left untouched.
 */
export const buildTableAggregate: StepBuilder<TableAggregateStep> = async (step, ctx) => {
  const aggregator = new Aggregator(step, ctx.inputSchemas[0]!, ctx);
  aggregator.requireUndo(step.id);
  return buildKeyedAggregate(step, ctx, aggregator, (old, record) => {
    let state = old;
    if (record.oldValue && state) state = aggregator.undo(state, record, record.oldValue);
    if (record.value) state = aggregator.add(state ?? aggregator.init(), record, record.value);
    return state;
  });
};
