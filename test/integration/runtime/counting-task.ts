import type { RunnerTask, RunnerTaskFactory } from '../../../topology/runner';
import type { StoreSpec } from '../../../topology/spec';
import { jsonCodec, TaskStores } from '../../../topology/state';

/**
 * A hand-written task for runner tests (the runtime's processors are tested elsewhere): counts
 * records per key in the spec's first store and emits `key -> {"CNT": n}` to the sink after
 * every record. A record without a key goes to the processing log.
 */
export const countingTasks: RunnerTaskFactory = {
  async create(ctx) {
    const storeSpec: StoreSpec | undefined = ctx.spec.steps.flatMap((s) => s.stores)[0];
    if (!storeSpec) throw new Error('spec without a store');
    const stores = new TaskStores({
      applicationId: ctx.spec.applicationId,
      taskId: ctx.taskId,
      partition: ctx.partition,
      backends: ctx.backends,
      changelog: ctx.changelog,
      emission: 'eager',
      maxCachedEntries: 1_000,
    });
    const counts = await stores.keyValue(storeSpec, jsonCodec<string>(), jsonCodec<number>());
    const task: RunnerTask = {
      id: ctx.taskId,
      partition: ctx.partition,
      changelogStores: storeSpec.changelogTopic
        ? [{ store: storeSpec.name, topic: storeSpec.changelogTopic }]
        : [],
      async process(record) {
        if (record.key === null) {
          ctx.processingLog.log({
            queryId: ctx.spec.queryId,
            stepId: 'KsqlTopic/Source',
            kind: 'DESERIALIZATION_ERROR',
            message: 'record has no key',
            topic: record.topic,
            partition: record.partition,
            offset: record.offset,
            timestamp: record.timestamp,
            errorCode: null,
          });
          return;
        }
        const key = record.key.toString();
        const next = ((await counts.get(key))?.value ?? 0) + 1;
        await counts.put(key, next, record.timestamp);
        ctx.emit({
          topic: ctx.spec.sink.topic,
          key: record.key,
          value: Buffer.from(JSON.stringify({ CNT: next })),
          timestamp: record.timestamp,
        });
      },
      writeDown: () => stores.flush(),
      flushStores: (checkpoints) => stores.flush(checkpoints),
      readCheckpoint: (store) => stores.readCheckpoint(store),
      restore: (store, records) => stores.restore(store, records),
      close: () => stores.close(),
    };
    return task;
  },
};
