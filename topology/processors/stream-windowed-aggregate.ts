import type { StreamWindowedAggregateStep, WindowSpec } from '../spec';
import type { StepBuilder } from './processor';
import { buildSessionAggregate } from './session-aggregate';
import { buildTimeWindowedAggregate } from './windowed-aggregate';

/**
 * Windowed aggregation. Without a GRACE PERIOD, EMIT CHANGES uses Kafka Streams' legacy default
 * (24h - size) while EMIT FINAL uses 0, so final results appear when the window ends (as ksqlDB
 * does: "should emit at window end if no grace period given").
 */
export const buildStreamWindowedAggregate: StepBuilder<StreamWindowedAggregateStep> = (
  step,
  ctx,
) => {
  const window: WindowSpec =
    step.window.graceMs === null && ctx.emitFinal ? { ...step.window, graceMs: 0 } : step.window;
  return window.type === 'SESSION'
    ? buildSessionAggregate(step, window, ctx)
    : buildTimeWindowedAggregate(step, window, ctx);
};
