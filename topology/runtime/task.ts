import { builtinFunctions, type FunctionRegistry } from '../expression';
import {
  isErrorKind,
  type ProcessingLogEntry,
  type ProcessingLogger,
  type RawRecord,
} from '../processors';
import type { SerdeFactory } from '../serdes/serde-contract';
import { SpecError, subTopologies, validateTopologySpec, type TopologySpec } from '../spec';
import {
  TaskStores,
  type BytesStoreBackendFactory,
  type EmissionMode,
  type StoreCheckpoint,
} from '../state';
import type { RecordCollector } from './record-collector';
import { buildTaskGraph, type TaskGraph } from './task-graph';
import { taskMetrics, type TaskMetrics } from './task-metrics';

export interface TaskOptions {
  readonly spec: TopologySpec;
  /** Index of the sub-topology (`subTopologies(spec)`) this task runs. */
  readonly subTopology: number;
  /** The input partition: the same partition of every topic the sub-topology reads. */
  readonly partition: number;
  readonly serdes: SerdeFactory;
  readonly backends: BytesStoreBackendFactory;
  readonly collector: RecordCollector;
  readonly functions?: FunctionRegistry;
  readonly processingLog?: ProcessingLogger;
  /** `coalesce` (default, production) or `eager` (test mode: every update forwarded). */
  readonly emission?: EmissionMode;
  readonly maxCachedEntries?: number;
  /** Only throttles stream-stream outer-join emission, as in Kafka Streams. Default Date.now. */
  readonly wallClock?: () => number;
  readonly outerJoinEmitIntervalMs?: number;
}

/**
 * One task: one sub-topology on one partition, as in Kafka Streams. The task runner (Kafka or
 * the test driver) owns the loop:
 *
 * 1. `Task.create` opens the stores (backends from the factory) and builds the processors.
 *    Before processing, the runner may `restore` stores from their changelogs, from the offset
 *    in `readCheckpoint` to the end.
 * 2. `process(record)` for each input record, one at a time, awaiting each. Outputs (sink,
 *    repartition and changelog records) go to the collector synchronously while it runs.
 * 3. At each commit: `prepareCommit()` (caches write down; coalesced table updates and
 *    changelog records reach the collector), then the runner produces the collected records and
 *    commits input offsets (one transaction under EOS), then `completeCommit(checkpoints)`
 *    persists the stores with the changelog offsets they now reflect.
 * 4. `close()` on revocation or shutdown (after a final commit).
 *
 * A record the query cannot process is logged and counted, never thrown; `process` rejects only
 * for infrastructure failures (a store backend), which the runner should treat as fatal for the
 * task.
 */
export class Task {
  private constructor(
    readonly id: string,
    readonly metrics: TaskMetrics,
    readonly sourceTopics: readonly string[],
    private readonly graph: TaskGraph,
    private readonly stores: TaskStores,
  ) {}

  static async create(options: TaskOptions): Promise<Task> {
    const { spec } = options;
    const problems = validateTopologySpec(spec);
    if (problems.length > 0)
      throw new SpecError(`invalid topology spec: ${problems.join('; ')}`, spec.queryId);
    const sub = subTopologies(spec)[options.subTopology];
    if (!sub) throw new SpecError(`no sub-topology ${options.subTopology}`, spec.queryId);
    const id = `${sub.index}_${options.partition}`;
    const collector = options.collector;
    const stores = new TaskStores({
      applicationId: spec.applicationId,
      taskId: id,
      partition: options.partition,
      backends: options.backends,
      changelog: { append: (r) => collector.send({ kind: 'changelog', ...r, headers: [] }) },
      emission: options.emission ?? 'coalesce',
      maxCachedEntries: options.maxCachedEntries ?? 10_000,
    });
    const metrics = taskMetrics();
    const graph = await buildTaskGraph(sub, {
      spec,
      functions: options.functions ?? builtinFunctions,
      serdes: options.serdes,
      stores,
      collector,
      wallClock: options.wallClock ?? Date.now,
      outerJoinEmitIntervalMs: options.outerJoinEmitIntervalMs ?? 1000,
      report: (kind, message, at, stepId, errorCode) => {
        const entry: ProcessingLogEntry = {
          queryId: spec.queryId,
          stepId,
          kind,
          message,
          ...at,
          errorCode: errorCode ?? null,
        };
        if (isErrorKind(kind)) metrics.errors++;
        else metrics.dropped++;
        metrics.byKind[kind] = (metrics.byKind[kind] ?? 0) + 1;
        options.processingLog?.log(entry);
      },
    });
    return new Task(id, metrics, sub.sourceTopics, graph, stores);
  }

  async process(record: RawRecord): Promise<void> {
    const receivers = this.graph.get(record.topic);
    if (!receivers)
      throw new SpecError(`task ${this.id} does not read topic '${record.topic}'`, '');
    this.metrics.processed++;
    for (const receive of receivers) await receive(record);
  }

  prepareCommit(): Promise<void> {
    return this.stores.flushCaches();
  }

  completeCommit(checkpoints?: ReadonlyMap<string, StoreCheckpoint>): Promise<void> {
    return this.stores.flushBackends(checkpoints);
  }

  async commit(checkpoints?: ReadonlyMap<string, StoreCheckpoint>): Promise<void> {
    await this.prepareCommit();
    await this.completeCommit(checkpoints);
  }

  readCheckpoint(store: string): Promise<StoreCheckpoint | null> {
    return this.stores.readCheckpoint(store);
  }

  restore(
    store: string,
    records: readonly { key: Buffer | null; value: Buffer | null }[],
  ): Promise<void> {
    return this.stores.restore(store, records);
  }

  /** The stores this task opened, with their changelog topics (for restoration). */
  storeSpecs(): ReturnType<TaskStores['specs']> {
    return this.stores.specs();
  }

  close(): Promise<void> {
    return this.stores.close();
  }
}
