import {
  type AdminPort,
  KafkaPortError,
  type BytesStoreBackendFactory,
  type KafkaClientPort,
  type SerdeFactory,
  startQuery,
  type TopologySpec,
} from '../../../topology';
import type { EngineLogger, TransientQueryOptions, TransientQueryRun, TransientRow } from '../ports';
import { AsyncQueue } from './async-queue';

export interface TransientRunDeps {
  readonly serviceId: string;
  readonly kafka: KafkaClientPort;
  readonly backends: BytesStoreBackendFactory;
  readonly serdes: SerdeFactory;
  readonly logger: EngineLogger;
  readonly cleanUp: (spec: TopologySpec) => Promise<void>;
}

const PROGRESS_POLL_MS = 100;

/**
 * A transient query on the runner: the topology writes to a private output topic
 * (`<applicationId>-output`), read back and decoded here. A bounded run (pull query) notes the
 * sources' end offsets at start and ends once the query's committed offsets reached them
 * (the runner commits only after its output was acknowledged) and the output was read to its
 * end. Closing removes the output topic, both consumer groups, internal topics and state.
 */
export async function startTransientRun(spec: TopologySpec, options: TransientQueryOptions, deps: TransientRunDeps): Promise<TransientQueryRun> {
  const admin = deps.kafka.admin();
  const output = `${spec.applicationId}-output`;
  const runSpec: TopologySpec = { ...spec, sink: { ...spec.sink, topic: output } };
  await admin.deleteGroup(spec.applicationId).catch(() => undefined);
  await admin.createTopics([{ name: output, partitions: 1 }]);
  // A new topic needs a moment before its partition has a leader everywhere.
  await whenReady(() => admin.endOffsets(output));
  const sourceEnds = options.bounded ? await whenReady(() => endOffsets(admin, spec.sources.map((s) => s.topic))) : [];
  const handle = await startQuery({
    spec: runSpec,
    serviceId: deps.serviceId,
    kafka: deps.kafka,
    backends: deps.backends,
    serdes: deps.serdes,
    properties: {
      'auto.offset.reset': options.fromBeginning ? 'earliest' : 'latest',
      'commit.interval.ms': '100',
      'cache.max.bytes.buffering': '0',
    },
    logger: deps.logger,
  });
  const window = spec.sink.window ? { type: spec.sink.window.type, ...(spec.sink.window.sizeMs === null ? {} : { sizeMs: spec.sink.window.sizeMs }) } : undefined;
  const keySerde = deps.serdes.create({ topic: output, isKey: true, format: spec.sink.keyFormat, columns: spec.sink.keyColumns, ...(window ? { window } : {}) });
  const valueSerde = deps.serdes.create({ topic: output, isKey: false, format: spec.sink.valueFormat, columns: spec.sink.valueColumns });
  const queue = new AsyncQueue<TransientRow>();
  const readerGroup = `${spec.applicationId}-reader`;
  const reader = deps.kafka.consumer({ groupId: readerGroup, maxWaitMs: 100 });
  let readUpTo = 0;
  await reader.run(
    { fromEarliest: [output], fromLatest: [] },
    {
      onAssigned: () => Promise.resolve(),
      onRevoked: () => Promise.resolve(),
      onBatch: async (batch) => {
        for (const record of batch.records) {
          const key = await keySerde.deserialize(record.key);
          const value = await valueSerde.deserialize(record.value);
          queue.push({ key: key.row ?? [], value: value.row, timestamp: record.timestamp, ...(key.window ? { window: key.window } : {}) });
          readUpTo = record.offset + 1;
        }
      },
      onCrash: (error) => queue.end(error),
    },
  );
  let closed = false;
  const watch = async (): Promise<void> => {
    while (!closed) {
      const status = handle.status();
      if (status.state === 'FAILED') return queue.end(new Error(status.cause ?? 'query failed'));
      if (options.bounded && (await caughtUp(admin, spec.applicationId, sourceEnds))) {
        const outputEnd = (await admin.endOffsets(output))[0]?.offset ?? 0;
        if (readUpTo >= outputEnd) return queue.end();
      }
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
    }
  };
  const watching = watch().catch((error: unknown) => queue.end(error));
  return {
    rows: queue,
    close: async () => {
      if (closed) return;
      closed = true;
      queue.end();
      // The watcher may be asking the admin for offsets: let it finish before the owner closes it.
      await watching;
      await reader.stop();
      await handle.stop();
      await admin.deleteGroup(readerGroup).catch(() => undefined);
      await admin.deleteTopics([output]).catch(() => undefined);
      await deps.cleanUp(spec);
    },
  };
}

/** Retries a call that fails with a retriable Kafka error (a topic still being created). */
async function whenReady<T>(call: () => Promise<T>, attempts = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (error) {
      if (i >= attempts || !(error instanceof KafkaPortError) || !error.retriable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function endOffsets(admin: AdminPort, topics: readonly string[]): Promise<{ topic: string; partition: number; offset: number }[]> {
  const all = [];
  for (const topic of new Set(topics)) all.push(...(await admin.endOffsets(topic)));
  return all;
}

async function caughtUp(admin: AdminPort, groupId: string, ends: readonly { topic: string; partition: number; offset: number }[]): Promise<boolean> {
  const pending = ends.filter((e) => e.offset > 0);
  if (pending.length === 0) return true;
  const committed = await admin.committedOffsets(groupId, [...new Set(pending.map((e) => e.topic))]);
  return pending.every((e) => (committed.find((c) => c.topic === e.topic && c.partition === e.partition)?.offset ?? -1) >= e.offset);
}
