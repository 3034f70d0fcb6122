import type { Expression, LogicalSchema, SourceSpec, Step, TopologySpec } from '../spec';
import type { Row, SerdeFactory } from '../serdes/serde-contract';
import type { FunctionRegistry } from '../expression';
import type { TaskStores, Timestamped } from '../state';
import type { ProcessingLogKind } from './processing-log';
import type { StreamRecord } from './stream-record';

/** One input port of a step's processor. Records are processed one at a time, in order. */
export interface Processor {
  process(record: StreamRecord): Promise<void>;
}

/** Reads a table step's current row for a key (Kafka Streams' KTableValueGetter). */
export interface TableValueGetter {
  get(key: Row): Promise<Timestamped<Row> | null>;
}

/** A built step: one input port per input step (left before right), and for tables a getter. */
export interface BuiltStep {
  readonly inputs: readonly Processor[];
  readonly getter?: TableValueGetter;
}

/** An expression compiled against a step's input schema; evaluates on a record. */
export type RecordEvaluator = (record: StreamRecord, value?: Row | null) => unknown;

/** What a step builder gets: its step, its inputs' schemas, ports and the task's stores. */
export interface StepContext {
  readonly spec: TopologySpec;
  readonly step: Step;
  readonly inputSchemas: readonly LogicalSchema[];
  readonly functions: FunctionRegistry;
  readonly stores: TaskStores;
  readonly serdes: SerdeFactory;
  /** True when this windowed aggregate emits final results only (a TableSuppress downstream). */
  readonly emitFinal: boolean;
  /** Wall clock, used only to throttle stream-stream outer-join emission (frozen in the driver). */
  readonly wallClock: () => number;
  readonly outerJoinEmitIntervalMs: number;
  forward(record: StreamRecord): Promise<void>;
  compile(expression: Expression, schema: LogicalSchema): RecordEvaluator;
  getter(stepId: string): TableValueGetter;
  source(name: string): SourceSpec;
  /** Records a skipped record in the processing log and the task's counters. */
  report(kind: ProcessingLogKind, message: string, record: StreamRecord, errorCode?: string): void;
  /** Sends encoded sink records to the task's collector. */
  emit(record: SinkOutput): void;
}

export interface SinkOutput {
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: StreamRecord['headers'];
}

export type StepBuilder<S extends Step = Step> = (step: S, ctx: StepContext) => Promise<BuiltStep>;
