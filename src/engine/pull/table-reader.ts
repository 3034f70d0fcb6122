import {
  buildStep,
  builtinFunctions,
  compileExpression,
  evalRow,
  ProcessorError,
  type BytesStoreBackendFactory,
  type SerdeFactory,
  type Row,
  type Step,
  type StepContext,
  type TableValueGetter,
  TaskStores,
  type TopologySpec,
} from '../../../topology';
import { stepById, stepInputs } from '../../../topology/spec';
import type { DerivedTableStep, Materialization } from './materialization';

/** A pull query's own table steps (WHERE, projection) over the table it reads. */
export interface PullChain {
  readonly spec: TopologySpec;
  /** The pull query's `TableSource` step: its rows are the materialised table's. */
  readonly sourceStepId: string;
  readonly steps: readonly DerivedTableStep[];
}

/**
 * Reads rows of a pull query from one partition of a materialised table: the table's steps are
 * built as in a task of the query (Kafka Streams' value getters: the root reads its store, the
 * projection and HAVING derive from it), then the pull query's WHERE and projection on top.
 * Nothing is written: the stores are only read, and the processors never receive a record.
 */
export async function openPullGetter(
  m: Materialization,
  pull: PullChain,
  partition: number,
  backends: BytesStoreBackendFactory,
  serdes: SerdeFactory,
): Promise<TableValueGetter> {
  const stores = new TaskStores({
    applicationId: m.spec.applicationId,
    taskId: `pull_${partition}`,
    partition,
    backends,
    changelog: { append: () => undefined },
    emission: 'eager',
    maxCachedEntries: 1,
  });
  const getters = new Map<string, TableValueGetter>();
  let last: TableValueGetter | undefined;
  for (const step of [m.root, ...m.derived]) last = await build(m.spec, step, { stores, serdes }, getters);
  if (!last) throw new ProcessorError(`table of ${m.queryId} has no readable step`, m.root.id);
  const pullGetters = new Map<string, TableValueGetter>([[pull.sourceStepId, last]]);
  for (const step of pull.steps) last = await build(pull.spec, step, { stores, serdes }, pullGetters);
  return last;
}

export interface Ports {
  readonly stores: TaskStores;
  /** Table sources build their decoder when built, though a pull query never decodes. */
  readonly serdes: SerdeFactory;
}

async function build(spec: TopologySpec, step: Step, ports: Ports, getters: Map<string, TableValueGetter>): Promise<TableValueGetter> {
  const built = await buildStep(step, readOnlyContext(spec, step, ports, getters, () => Promise.resolve()));
  if (!built.getter) throw new ProcessorError(`step '${step.id}' is not a readable table`, step.id);
  getters.set(step.id, built.getter);
  return built.getter;
}

const unused = (): never => {
  throw new Error('a pull query reads state only');
};

/** A step's context that can read stores and forward to `forward`, but never writes or emits. */
export function readOnlyContext(
  spec: TopologySpec,
  step: Step,
  { stores, serdes }: Ports,
  getters: ReadonlyMap<string, TableValueGetter>,
  forward: StepContext['forward'],
): StepContext {
  return {
    spec,
    step,
    inputSchemas: stepInputs(step).map((id) => stepById(spec, id).schema),
    functions: builtinFunctions,
    stores,
    serdes,
    emitFinal: false,
    wallClock: Date.now,
    outerJoinEmitIntervalMs: 0,
    forward,
    compile: (expression, schema) => {
      const evaluate = compileExpression(expression, { schema, functions: builtinFunctions, config: spec.config, onError: () => undefined });
      return (record, value) => evaluate(evalRow(record, value));
    },
    getter: (id) => ({
      get: (key: Row) => {
        const getter = getters.get(id);
        if (!getter) throw new ProcessorError(`step '${id}' is not a readable table`, step.id);
        return getter.get(key);
      },
    }),
    source: (name) => {
      const source = spec.sources.find((s) => s.name === name);
      if (!source) throw new ProcessorError(`unknown source '${name}'`, step.id);
      return source;
    },
    report: () => undefined,
    emit: unused,
  };
}
