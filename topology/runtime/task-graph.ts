import { compileExpression, type FunctionRegistry } from '../expression';
import {
  buildForeignKeyJoinLeft,
  buildForeignKeyJoinRight,
  buildStep,
  buildTableSelectKeyReader,
  evalRow,
  isBuiltSource,
  ProcessorError,
  type Processor,
  type ProcessingLogKind,
  type RawRecord,
  type StepContext,
  type StreamRecord,
  type SubscriptionSend,
  type TableValueGetter,
} from '../processors';
import type { SerdeFactory } from '../serdes/serde-contract';
import {
  sourceTopicOf,
  stepById,
  stepInputs,
  stepRepartition,
  type Step,
  type SubTopology,
  type TopologySpec,
} from '../spec';
import type { TaskStores } from '../state';
import { emitFinalSteps } from './emit-final';
import type { RecordCollector } from './record-collector';
import { repartitionCodec } from './repartition-codec';

export interface Coordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
}

export interface GraphDependencies {
  readonly spec: TopologySpec;
  readonly functions: FunctionRegistry;
  readonly serdes: SerdeFactory;
  readonly stores: TaskStores;
  readonly collector: RecordCollector;
  readonly wallClock: () => number;
  readonly outerJoinEmitIntervalMs: number;
  report(
    kind: ProcessingLogKind,
    message: string,
    at: Coordinates,
    stepId: string | null,
    errorCode?: string,
  ): void;
}

/** Input receivers of one sub-topology's task, by topic (user source topics and repartition topics). */
export type TaskGraph = ReadonlyMap<string, readonly ((raw: RawRecord) => Promise<void>)[]>;

/**
 * Builds the processors of one sub-topology, wiring each step's output to its consumers, steps
 * with a repartition to the repartition topic, and repartition topics read here to the steps
 * that consume them. Steps are built in spec (topological) order, so getters exist before use.
 */
export async function buildTaskGraph(
  sub: SubTopology,
  deps: GraphDependencies,
): Promise<TaskGraph> {
  const { spec } = deps;
  const children = new Map<string, Processor[]>();
  const getters = new Map<string, TableValueGetter>();
  const receivers = new Map<string, ((raw: RawRecord) => Promise<void>)[]>();
  const emitFinal = emitFinalSteps(spec);
  const receive = (topic: string, fn: (raw: RawRecord) => Promise<void>): void => {
    receivers.set(topic, [...(receivers.get(topic) ?? []), fn]);
  };
  const forwardFrom = (stepId: string) => async (record: StreamRecord) => {
    for (const child of children.get(stepId) ?? []) await child.process(record);
  };
  const context = (step: Step, forward: (r: StreamRecord) => Promise<void>): StepContext =>
    stepContext(step, forward, deps, emitFinal.has(step.id), getters);

  for (const input of sub.repartitionInputs) {
    const writer = stepById(spec, input.writerStepId);
    let entry: Processor = { process: forwardFrom(writer.id) };
    if (writer.kind === 'TableSelectKey') {
      const reader = await buildTableSelectKeyReader(
        writer,
        context(writer, forwardFrom(writer.id)),
      );
      entry = reader.inputs[0]!;
      if (reader.getter) getters.set(writer.id, reader.getter);
    }
    receive(input.topic, repartitionReader(writer, entry, deps));
  }
  const send = subscriptionSender(deps.collector);
  // Right halves of foreign-key joins: fed by the right table's changes and the registrations.
  for (const input of sub.subscriptionInputs) {
    const step = stepById(spec, input.stepId);
    if (input.side !== 'registration' || step.kind !== 'ForeignKeyTableTableJoin') continue;
    const half = await buildForeignKeyJoinRight(step, context(step, forwardFrom(step.id)), send);
    children.set(step.right, [...(children.get(step.right) ?? []), half.right]);
    receive(input.topic, (raw) => half.receiveSubscription(raw));
  }
  for (const id of sub.stepIds) {
    const step = stepById(spec, id);
    const repartition = stepRepartition(step);
    const forward = repartition
      ? repartitionWriter(step, repartition.topic, deps.collector)
      : forwardFrom(id);
    if (step.kind === 'ForeignKeyTableTableJoin' && step.subscription) {
      // Left half: its right input runs in the right half (above, maybe in another task).
      const half = await buildForeignKeyJoinLeft(step, context(step, forward), send);
      getters.set(id, half.getter);
      children.set(step.left, [...(children.get(step.left) ?? []), half.left]);
      receive(step.subscription.responseTopic, (raw) => half.receiveResponse(raw));
      continue;
    }
    const built = await buildStep(step, context(step, forward));
    if (built.getter) getters.set(id, built.getter);
    stepInputs(step).forEach((parent, i) => {
      const port = built.inputs[i];
      if (!port) throw new ProcessorError(`step '${id}' has no input port #${i}`, id);
      children.set(parent, [...(children.get(parent) ?? []), port]);
    });
    if (isBuiltSource(built) && (step.kind === 'StreamSource' || step.kind === 'TableSource')) {
      receive(sourceTopicOf(spec, step.sourceName), (raw) => built.receive(raw));
    }
  }
  return receivers;
}

function stepContext(
  step: Step,
  forward: (r: StreamRecord) => Promise<void>,
  deps: GraphDependencies,
  emitFinal: boolean,
  getters: ReadonlyMap<string, TableValueGetter>,
): StepContext {
  const { spec, functions, collector } = deps;
  return {
    spec,
    step,
    inputSchemas: stepInputs(step).map((id) => stepById(spec, id).schema),
    functions,
    stores: deps.stores,
    serdes: deps.serdes,
    emitFinal,
    wallClock: deps.wallClock,
    outerJoinEmitIntervalMs: deps.outerJoinEmitIntervalMs,
    forward,
    compile: (expression, schema) => {
      const evaluate = compileExpression(expression, {
        schema,
        functions,
        config: spec.config,
        onError: (error, row) =>
          deps.report('EXPRESSION_ERROR', error.message, row, step.id, error.code),
      });
      return (record, value) => evaluate(evalRow(record, value));
    },
    getter: (id) => ({
      get: (key) => {
        const getter = getters.get(id);
        if (!getter)
          throw new ProcessorError(
            `step '${id}' is not a readable table (needed by '${step.id}')`,
            step.id,
          );
        return getter.get(key);
      },
    }),
    source: (name) => {
      const source = spec.sources.find((s) => s.name === name);
      if (!source) throw new ProcessorError(`unknown source '${name}'`, step.id);
      return source;
    },
    report: (kind, message, record, errorCode) =>
      deps.report(
        kind,
        message,
        { ...record.origin, timestamp: record.timestamp },
        step.id,
        errorCode,
      ),
    emit: (out) => collector.send({ kind: 'sink', partition: null, ...out }),
  };
}

/** Foreign-key join topics travel as repartition records: read back by this query's tasks. */
function subscriptionSender(collector: RecordCollector): SubscriptionSend {
  return (out) => collector.send({ kind: 'repartition', partition: null, ...out });
}

function repartitionWriter(
  step: Step,
  topic: string,
  collector: RecordCollector,
): (r: StreamRecord) => Promise<void> {
  const codec = repartitionCodec(step.schema);
  return (record) => {
    const { key, value, oldValue, timestamp, headers } = record;
    collector.send({
      kind: 'repartition',
      topic,
      partition: null,
      key: codec.encodeKey(key),
      value: codec.encodeValue(value, oldValue),
      timestamp,
      headers,
    });
    return Promise.resolve();
  };
}

function repartitionReader(
  writer: Step,
  entry: Processor,
  deps: GraphDependencies,
): (raw: RawRecord) => Promise<void> {
  const codec = repartitionCodec(writer.schema);
  return async (raw) => {
    let record: StreamRecord;
    try {
      const { value, oldValue } = codec.decodeValue(raw.value);
      const origin = { topic: raw.topic, partition: raw.partition, offset: raw.offset };
      record = {
        key: codec.decodeKey(raw.key),
        value,
        oldValue,
        timestamp: raw.timestamp,
        window: null,
        headers: raw.headers,
        origin,
      };
    } catch (error) {
      deps.report(
        'DESERIALIZATION_ERROR',
        error instanceof Error ? error.message : String(error),
        raw,
        writer.id,
        'SERDE_ERROR',
      );
      return;
    }
    await entry.process(record);
  };
}
