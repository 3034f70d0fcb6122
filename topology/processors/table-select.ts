import type { TableSelectStep } from '../spec';
import { derivedGetter, getterRecord } from './derived-getter';
import type { StepBuilder } from './processor';
import { compileSelect } from './select-values';

/** Table projection: maps the new and the old row (KTableMapValues with old values). */
export const buildTableSelect: StepBuilder<TableSelectStep> = (step, ctx) => {
  const select = compileSelect(step.selectExpressions, ctx.inputSchemas[0]!, ctx);
  const parent = ctx.getter(step.source);
  return Promise.resolve({
    inputs: [
      {
        process: (record) =>
          ctx.forward({
            ...record,
            value: record.value === null ? null : select(record),
            oldValue: record.oldValue ? select(record, record.oldValue) : record.oldValue,
          }),
      },
    ],
    getter: derivedGetter(parent, (key, row, timestamp) =>
      select(getterRecord(key, row, timestamp)),
    ),
  });
};
