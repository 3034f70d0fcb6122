import type { KafkaClientPort, PortLogger } from '../kafka';
import { RunnerError } from './runner-error';
import type { RunnerEventListener } from './runner-events';
import type { RunnerTask } from './runner-task';
import { isEpochMarker } from './transactional-outbox';

export interface RestoreOptions {
  readonly kafka: KafkaClientPort;
  readonly applicationId: string;
  readonly queryId: string;
  readonly logger: PortLogger;
  readonly onEvent: RunnerEventListener;
  /** Records applied between checkpoints, so a long restore survives its own interruption. */
  readonly chunkRecords?: number;
  /** A restore that makes no progress for this long fails (retriably). Default 60 s. */
  readonly stallTimeoutMs?: number;
  /**
   * exactly_once_v2: per changelog topic, the offset of the epoch marker the opener just wrote
   * (`TransactionalOutbox.claimEpochs`). When the marker and its commit marker are all that
   * follows the checkpoint, there is nothing to replay: the checkpoint moves past them.
   */
  readonly epochMarkers?: ReadonlyMap<string, number>;
}

interface Range {
  readonly store: string;
  readonly topic: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Brings a task's Redis state up to its changelogs: for every changelogged store, the
 * checkpoint Redis holds (the next changelog offset it reflects; none after a FLUSHALL) is
 * compared with the changelog's end offset, and the difference is replayed (everything from
 * the log start when Redis is empty). Changelogs are read read_committed: under
 * exactly_once_v2 only committed transactions are replayed; markers and aborted records count
 * as progress but apply nothing. Returns the records replayed; 0 when Redis was current.
 */
export async function restoreTask(task: RunnerTask, options: RestoreOptions): Promise<number> {
  const admin = options.kafka.admin();
  const ranges: Range[] = [];
  const skipped = new Map<string, number>();
  for (const { store, topic } of task.changelogStores) {
    const checkpoint = await task.readCheckpoint(store);
    const end =
      (await admin.endOffsets(topic)).find((o) => o.partition === task.partition)?.offset ?? 0;
    const start =
      (await admin.beginningOffsets(topic)).find((o) => o.partition === task.partition)?.offset ??
      0;
    const from = checkpoint ? Math.max(Number(checkpoint.changelogOffset), start) : start;
    const marker = options.epochMarkers?.get(topic);
    if (marker !== undefined && from === marker && end === marker + 2) skipped.set(store, end);
    else if (from < end) ranges.push({ store, topic, from, to: end });
  }
  if (skipped.size > 0)
    await task.flushStores(
      new Map([...skipped].map(([store, end]) => [store, { changelogOffset: String(end) }])),
    );
  if (ranges.length === 0) return 0;
  let total = 0;
  for (const range of ranges) total += await replay(task, range, options);
  return total;
}

async function replay(task: RunnerTask, range: Range, options: RestoreOptions): Promise<number> {
  const started = Date.now();
  const chunk = options.chunkRecords ?? 10_000;
  options.onEvent({
    kind: 'RestoreStarted',
    queryId: options.queryId,
    taskId: task.id,
    store: range.store,
    fromOffset: range.from,
    toOffset: range.to,
  });
  // A consumer group of its own, derived from the task and store; it never commits offsets.
  const groupId = `${options.applicationId}-restore-${task.id}-${range.store}`;
  const consumer = options.kafka.consumer({ groupId, maxWaitMs: 100 });
  let applied = 0;
  let pending: { key: Buffer; value: Buffer | null }[] = [];
  let position = range.from;
  const checkpoint = async (): Promise<void> => {
    await task.restore(range.store, pending);
    applied += pending.length;
    pending = [];
    await task.flushStores(new Map([[range.store, { changelogOffset: String(position) }]]));
  };
  let resolveDone: () => void = () => undefined;
  let rejectDone: (e: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const mine = (p: { topic: string; partition: number }): boolean =>
    p.topic === range.topic && p.partition === task.partition;
  await consumer.run(
    { fromEarliest: [range.topic], fromLatest: [] },
    {
      onAssigned: (partitions) => {
        const others = partitions.filter((p) => !mine(p));
        if (others.length > 0) consumer.pause(others);
        if (partitions.some(mine))
          consumer.seek({ topic: range.topic, partition: task.partition, offset: range.from });
        return Promise.resolve();
      },
      onRevoked: () => Promise.resolve(),
      onBatch: async (batch) => {
        if (!mine(batch) || position >= range.to) return;
        for (const record of batch.records) {
          if (record.offset < position || record.offset >= range.to) continue;
          // Epoch markers (exactly_once_v2 fencing) are progress, not state.
          if (record.key && !isEpochMarker(record))
            pending.push({ key: record.key, value: record.value });
          position = record.offset + 1;
          if (pending.length >= chunk) await checkpoint();
        }
        if (batch.lastOffset !== undefined && batch.lastOffset + 1 >= range.to) position = range.to;
        if (position >= range.to) {
          await checkpoint();
          resolveDone();
        }
      },
      // Under exactly_once_v2 a changelog ends with a commit marker (and may hold aborted
      // records): a read_committed fetch skips them without a record to mark the progress.
      onFetched: (fetched) => {
        if (!mine(fetched) || position >= range.to || fetched.offset < range.to) return;
        position = range.to;
        checkpoint().then(resolveDone, rejectDone);
      },
      onCrash: (error) => rejectDone(error),
    },
  );
  const stallMs = options.stallTimeoutMs ?? 60_000;
  let seen = -1;
  const watchdog = setInterval(() => {
    if (position === seen) {
      rejectDone(
        new RunnerError(
          'INFRASTRUCTURE',
          `restore of ${range.store} stalled at offset ${position} of ${range.to}`,
          true,
          {
            queryId: options.queryId,
            topic: range.topic,
            partition: task.partition,
            taskId: task.id,
          },
        ),
      );
    }
    seen = position;
  }, stallMs);
  try {
    await done;
  } finally {
    clearInterval(watchdog);
    await consumer.stop();
    await options.kafka
      .admin()
      .deleteGroup(groupId)
      .catch(() => undefined);
  }
  options.logger.info(
    { taskId: task.id, store: range.store, records: applied, ms: Date.now() - started },
    'store restored',
  );
  options.onEvent({
    kind: 'RestoreCompleted',
    queryId: options.queryId,
    taskId: task.id,
    store: range.store,
    records: applied,
    durationMs: Date.now() - started,
  });
  return applied;
}
