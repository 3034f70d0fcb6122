import {
  partitionKey,
  type AdminPort,
  type PartitionOffset,
  type ProducerPort,
  type TopicPartition,
} from '../kafka';
import type { StoreCheckpoint } from '../state';
import type { RunnerTask } from './runner-task';
import type { TransactionalOutbox } from './transactional-outbox';

/**
 * One at_least_once commit of a set of tasks, in the order that makes it safe:
 * 1. tasks write their store caches down (changelog records and coalesced updates reach the
 *    producer, after the sink and repartition records sent while processing);
 * 2. the producer flushes: every output of the commit is acknowledged;
 * 3. stores flush to Redis with the changelog offsets the producer acknowledged (one
 *    MULTI/EXEC per store: state and checkpoint together);
 * 4. input offsets are committed.
 * A crash between steps replays inputs from the last committed offsets (duplicates downstream,
 * never a loss). Under exactly_once_v2, `commitTasksExactlyOnce` below is used instead.
 */
export async function commitTasks(
  tasks: readonly RunnerTask[],
  producer: ProducerPort,
  offsets: readonly PartitionOffset[],
  commitOffsets: (offsets: readonly PartitionOffset[]) => Promise<void>,
): Promise<void> {
  for (const task of tasks) await task.writeDown();
  await producer.flush();
  // Tasks are independent: their Redis transactions go out together (pipelined on one connection).
  await Promise.all(tasks.map((task) => task.flushStores(checkpointsOf(task, producer))));
  if (offsets.length > 0) await commitOffsets(offsets);
}

function checkpointsOf(task: RunnerTask, producer: ProducerPort): Map<string, StoreCheckpoint> {
  const checkpoints = new Map<string, StoreCheckpoint>();
  for (const { store, topic } of task.changelogStores) {
    const end = producer.acknowledgedEnd(topic, task.partition);
    if (end !== undefined) checkpoints.set(store, { changelogOffset: String(end) });
  }
  return checkpoints;
}

/** One task's share of an exactly_once_v2 commit. */
export interface TransactionalCommit {
  readonly task: RunnerTask;
  readonly outbox: TransactionalOutbox;
  /** The task's input positions processed since its last commit. */
  readonly offsets: readonly PartitionOffset[];
}

/**
 * One exactly_once_v2 commit, per task and all tasks at once:
 * 1. the task writes its store caches down (changelog records join its outbox);
 * 2. outputs, changelog records and input offsets go out in one Kafka transaction;
 * 3. once committed (`onCommitted`: the inputs must never be rewound past it), the stores flush
 *    to Redis with the changelog offset after the commit marker, all of the task's stores in one
 *    script that first checks the task's epoch (claimed at open, `task-opener.ts`).
 * A crash before 2 completes aborts the transaction: inputs replay, nothing was visible. A crash
 * between 2 and 3 leaves Redis behind its changelog: the next owner replays the difference.
 * Tasks that fail do not hold back the others; the first failure is rethrown.
 */
export async function commitTasksExactlyOnce(
  commits: readonly TransactionalCommit[],
  groupId: string,
  onCommitted: (offsets: readonly PartitionOffset[]) => void,
): Promise<void> {
  const results = await Promise.allSettled(
    commits.map(async ({ task, outbox, offsets }) => {
      await task.writeDown();
      const changelogs = task.changelogStores.map((s) => ({
        topic: s.topic,
        partition: task.partition,
      }));
      const ends = await outbox.commit(groupId, offsets, changelogs);
      onCommitted(offsets);
      const checkpoints = new Map<string, StoreCheckpoint>();
      for (const { store, topic } of task.changelogStores) {
        const end = ends.get(`${topic}:${task.partition}`);
        if (end !== undefined) checkpoints.set(store, { changelogOffset: String(end) });
      }
      await task.flushStores(checkpoints);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Where inputs restart after the runner abandons its uncommitted work: the offsets the group
 * committed as Kafka has them, not as this instance remembers them. The two differ after a
 * partial failure: a commit (or a transaction's offsets) the broker applied while the client saw
 * an error, or one aborted after the runner counted it. Rewinding to the broker's offsets
 * reprocesses exactly what was not committed. `remembered` (the first offset processed since
 * assignment) serves only partitions the group never committed. Call it after the tasks'
 * transactional producers are reopened: opening one completes or aborts the previous owner's
 * transaction, so its offsets are settled.
 */
export async function committedRewindTargets(
  admin: AdminPort,
  groupId: string,
  inputs: readonly TopicPartition[],
  remembered: readonly PartitionOffset[],
): Promise<PartitionOffset[]> {
  if (inputs.length === 0) return [];
  const topics = [...new Set(inputs.map((tp) => tp.topic))];
  const committed = new Map(
    (await admin.committedOffsets(groupId, topics)).map((o) => [partitionKey(o), o.offset]),
  );
  const fallback = new Map(remembered.map((o) => [partitionKey(o), o.offset]));
  const out: PartitionOffset[] = [];
  for (const tp of inputs) {
    const offset = committed.get(partitionKey(tp));
    const target = offset !== undefined && offset >= 0 ? offset : fallback.get(partitionKey(tp));
    if (target !== undefined)
      out.push({ topic: tp.topic, partition: tp.partition, offset: target });
  }
  return out;
}
