import type { FunctionRegistry } from '../expression';
import type { ConsumedRecord, RecordHeaders } from '../kafka';
import type { RecordHeader } from '../processors';
import { Task, type OutputRecord } from '../runtime';
import type { SerdeFactory } from '../serdes';
import { repartitionPartitioner } from './repartition-partitioner';
import type { RunnerTask, RunnerTaskFactory } from './runner-task';

export interface RuntimeTaskOptions {
  readonly serdes: SerdeFactory;
  readonly functions?: FunctionRegistry;
}

/**
 * Runs the runtime's `Task` (processors built from the spec) under the runner. Emission follows
 * `cache.max.bytes.buffering`: 0 forwards every table update, as ksqlDB's test mode does.
 */
export function runtimeTasks(options: RuntimeTaskOptions): RunnerTaskFactory {
  return {
    async create(ctx): Promise<RunnerTask> {
      const partitioner = repartitionPartitioner(ctx.spec, ctx.layout, options.serdes);
      // Outputs keep their order through one chain: a repartition record may need an async
      // key re-encoding to pick its partition.
      let sending: Promise<void> = Promise.resolve();
      const send = (record: OutputRecord): void => {
        sending = sending.then(async () => {
          const partition =
            record.kind === 'repartition' ? await partitioner(record.topic, record.key) : undefined;
          ctx.emit({
            topic: record.topic,
            ...(record.partition !== null
              ? { partition: record.partition }
              : partition !== undefined
                ? { partition }
                : {}),
            key: record.key,
            value: record.value,
            timestamp: record.timestamp,
            headers: toHeaders(record.headers),
          });
        });
      };
      const task = await Task.create({
        spec: ctx.spec,
        subTopology: ctx.subTopology,
        partition: ctx.partition,
        serdes: options.serdes,
        backends: ctx.backends,
        ...(options.functions ? { functions: options.functions } : {}),
        processingLog: ctx.processingLog,
        emission: ctx.config.cacheMaxBytesBuffering === 0 ? 'eager' : 'coalesce',
        maxCachedEntries: ctx.config.maxCachedEntries,
        collector: { send },
      });
      return {
        id: task.id,
        partition: ctx.partition,
        changelogStores: task
          .storeSpecs()
          .flatMap((s) => (s.changelogTopic ? [{ store: s.name, topic: s.changelogTopic }] : [])),
        process: async (record: ConsumedRecord) => {
          await task.process({ ...record, headers: fromHeaders(record.headers) });
          await sending;
        },
        writeDown: async () => {
          await task.prepareCommit();
          await sending;
        },
        flushStores: (checkpoints) => task.completeCommit(checkpoints),
        readCheckpoint: (store) => task.readCheckpoint(store),
        restore: (store, records) => task.restore(store, records),
        close: () => task.close(),
      };
    },
  };
}

function fromHeaders(headers: RecordHeaders): RecordHeader[] {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}

function toHeaders(headers: readonly RecordHeader[]): RecordHeaders {
  const out: Record<string, Buffer> = {};
  for (const h of headers) if (h.value !== null) out[h.key] = h.value;
  return out;
}
