import type { AggregateFunction, CallContext } from '../functions';
import type { Column, FunctionCall, LogicalSchema, StreamAggregateStep } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { decodeRowJson, encodeRowJson, type Codec } from '../state';
import type { RecordEvaluator, StepContext } from './processor';
import { ProcessorError } from './processor-error';
import type { StreamRecord } from './stream-record';

/** The running state of one group: the latest non-aggregate columns and each accumulator. */
export interface AggregateState {
  readonly columns: Row;
  readonly accumulators: readonly unknown[];
}

interface BoundFunction {
  readonly fn: AggregateFunction<unknown>;
  readonly args: readonly RecordEvaluator[];
  readonly call: CallContext;
}

type AggregateStep = Pick<StreamAggregateStep, 'id' | 'nonAggregateColumns' | 'aggregations'>;

/**
 * The aggregation logic shared by the aggregate processors (ksqlDB's KudafAggregator): evaluates
 * aggregate arguments on a record, adds/undoes/merges accumulators, and renders the output value
 * (non-aggregate columns then one column per aggregate).
 */
export class Aggregator {
  private readonly functions: readonly BoundFunction[];
  private readonly columnReaders: readonly ((record: StreamRecord, value: Row) => unknown)[];
  private readonly columnTypes: readonly Column[];

  constructor(step: AggregateStep, schema: LogicalSchema, ctx: StepContext) {
    this.functions = step.aggregations.map((call) => bind(call, step.id, schema, ctx));
    this.columnTypes = step.nonAggregateColumns.map((name) => findColumn(name, schema, step.id));
    this.columnReaders = step.nonAggregateColumns.map((name) => {
      const v = schema.value.findIndex((c) => c.name === name);
      const k = schema.key.findIndex((c) => c.name === name);
      return v >= 0
        ? (_r: StreamRecord, value: Row) => value[v] ?? null
        : (r: StreamRecord) => r.key[k] ?? null;
    });
  }

  requireUndo(stepId: string): void {
    const missing = this.functions.find((f) => !f.fn.undo);
    if (missing)
      throw new ProcessorError(
        `aggregate ${missing.fn.name} cannot undo (table aggregation)`,
        stepId,
      );
  }

  requireMerge(stepId: string): void {
    const missing = this.functions.find((f) => !f.fn.merge);
    if (missing)
      throw new ProcessorError(
        `aggregate ${missing.fn.name} cannot merge (session windows)`,
        stepId,
      );
  }

  init(): AggregateState {
    return {
      columns: this.columnTypes.map(() => null),
      accumulators: this.functions.map((f) => f.fn.init(f.call)),
    };
  }

  add(state: AggregateState, record: StreamRecord, value: Row): AggregateState {
    return {
      columns: this.columnReaders.map((read) => read(record, value)),
      accumulators: this.functions.map((f, i) =>
        f.fn.add(
          state.accumulators[i],
          f.args.map((a) => a(record, value)),
          f.call,
        ),
      ),
    };
  }

  undo(state: AggregateState, record: StreamRecord, value: Row): AggregateState {
    return {
      columns: state.columns,
      accumulators: this.functions.map((f, i) =>
        f.fn.undo!(
          state.accumulators[i],
          f.args.map((a) => a(record, value)),
          f.call,
        ),
      ),
    };
  }

  merge(left: AggregateState, right: AggregateState): AggregateState {
    return {
      columns: right.columns.some((c) => c !== null) ? right.columns : left.columns,
      accumulators: this.functions.map((f, i) =>
        f.fn.merge!(left.accumulators[i], right.accumulators[i], f.call),
      ),
    };
  }

  result(state: AggregateState): Row {
    return [
      ...state.columns,
      ...this.functions.map((f, i) => f.fn.result(state.accumulators[i], f.call) ?? null),
    ];
  }

  codec(): Codec<AggregateState> {
    return {
      encode: (s) =>
        Buffer.from(
          JSON.stringify([
            encodeRowJson(this.columnTypes, s.columns),
            this.functions.map((f, i) => f.fn.encodeAccumulator(s.accumulators[i], f.call)),
          ]),
        ),
      decode: (bytes) => {
        const [columns, accumulators] = JSON.parse(bytes.toString('utf8')) as [
          Parameters<typeof decodeRowJson>[1],
          string[],
        ];
        return {
          columns: decodeRowJson(this.columnTypes, columns),
          accumulators: this.functions.map((f, i) =>
            f.fn.decodeAccumulator(accumulators[i] ?? '', f.call),
          ),
        };
      },
    };
  }
}

function bind(
  call: FunctionCall,
  stepId: string,
  schema: LogicalSchema,
  ctx: StepContext,
): BoundFunction {
  const fn = ctx.functions.aggregate(call.name);
  if (!fn) throw new ProcessorError(`unknown aggregate function '${call.name}'`, stepId);
  return {
    fn,
    args: call.args.map((a) => ctx.compile(a, schema)),
    call: { argTypes: call.argTypes, returnType: call.type, config: ctx.spec.config },
  };
}

function findColumn(name: string, schema: LogicalSchema, stepId: string): Column {
  const column =
    schema.value.find((c) => c.name === name) ?? schema.key.find((c) => c.name === name);
  if (!column) throw new ProcessorError(`unknown non-aggregate column '${name}'`, stepId);
  return column;
}
