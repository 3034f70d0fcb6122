import type { TableSuppressStep } from '../spec';
import type { StepBuilder } from './processor';

/**
 * EMIT FINAL. The windowed aggregate upstream runs in emit-on-window-close mode (the graph
 * builder sets `emitFinal` on it), so only final results reach this step, which passes them on.
 */
export const buildTableSuppress: StepBuilder<TableSuppressStep> = (step, ctx) =>
  Promise.resolve({
    inputs: [{ process: (record) => ctx.forward(record) }],
    getter: ctx.getter(step.source),
  });
