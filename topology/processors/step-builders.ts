import { assertNever, type Step } from '../spec';
import { buildForeignKeyJoin } from './foreign-key-join';
import type { BuiltStep, StepContext } from './processor';
import { buildStreamSink, buildTableSink } from './sink';
import { buildStreamAggregate } from './stream-aggregate';
import { buildStreamFilter } from './stream-filter';
import { buildStreamFlatMap } from './stream-flat-map';
import { buildStreamGroupBy, buildStreamGroupByKey } from './stream-group-by';
import { buildStreamSelect } from './stream-select';
import { buildStreamSelectKey } from './stream-select-key';
import { buildStreamSource } from './stream-source';
import { buildStreamStreamJoin } from './stream-stream-join';
import { buildStreamTableJoin } from './stream-table-join';
import { buildStreamWindowedAggregate } from './stream-windowed-aggregate';
import { buildTableAggregate } from './table-aggregate';
import { buildTableFilter } from './table-filter';
import { buildTableGroupBy } from './table-group-by';
import { buildTableSelect } from './table-select';
import { buildTableSelectKey } from './table-select-key';
import { buildTableSource } from './table-source';
import { buildTableSuppress } from './table-suppress';
import { buildTableTableJoin } from './table-table-join';

/** Builds the processor of any step kind: the one switch a new step kind must extend. */
export function buildStep(step: Step, ctx: StepContext): Promise<BuiltStep> {
  switch (step.kind) {
    case 'StreamSource':
      return buildStreamSource(step, ctx);
    case 'TableSource':
      return buildTableSource(step, ctx);
    case 'StreamFilter':
      return buildStreamFilter(step, ctx);
    case 'TableFilter':
      return buildTableFilter(step, ctx);
    case 'StreamSelect':
      return buildStreamSelect(step, ctx);
    case 'TableSelect':
      return buildTableSelect(step, ctx);
    case 'StreamFlatMap':
      return buildStreamFlatMap(step, ctx);
    case 'StreamSelectKey':
      return buildStreamSelectKey(step, ctx);
    case 'TableSelectKey':
      return buildTableSelectKey(step, ctx);
    case 'StreamGroupBy':
      return buildStreamGroupBy(step, ctx);
    case 'StreamGroupByKey':
      return buildStreamGroupByKey(step, ctx);
    case 'TableGroupBy':
      return buildTableGroupBy(step, ctx);
    case 'StreamAggregate':
      return buildStreamAggregate(step, ctx);
    case 'StreamWindowedAggregate':
      return buildStreamWindowedAggregate(step, ctx);
    case 'TableAggregate':
      return buildTableAggregate(step, ctx);
    case 'TableSuppress':
      return buildTableSuppress(step, ctx);
    case 'StreamTableJoin':
      return buildStreamTableJoin(step, ctx);
    case 'StreamStreamJoin':
      return buildStreamStreamJoin(step, ctx);
    case 'TableTableJoin':
      return buildTableTableJoin(step, ctx);
    case 'ForeignKeyTableTableJoin':
      return buildForeignKeyJoin(step, ctx);
    case 'StreamSink':
      return buildStreamSink(step, ctx);
    case 'TableSink':
      return buildTableSink(step, ctx);
    default:
      return assertNever(step, 'step');
  }
}
