import {
  partitionKey,
  type AdminPort,
  type PartitionOffset,
  type ProducerPort,
  type TopicPartition,
} from '../kafka';
import type { StoreCheckpoint } from '../state';
import { RunnerError } from './runner-error';
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
 * committed as Kafka has them, not only as this instance remembers them. They differ after a
 * partial failure: a commit (or a transaction's offsets) the broker applied while the client saw
 * an error leaves Kafka ahead, and rewinding to memory would process those records twice.
 * Memory can also be ahead: a transaction's offsets become visible to OffsetFetch only once its
 * markers are written, after the commit returned. Both are lower bounds of what is committed
 * (memory holds only acknowledged commits and the position the partition was assigned at), so
 * the greater one is where the uncommitted work starts. Call it after the tasks' transactional
 * producers are reopened: opening one settles the previous transaction. A failed lookup is
 * retriable (the runner rebuilds again), never a guess.
 */
export async function committedRewindTargets(
  admin: AdminPort,
  groupId: string,
  inputs: readonly TopicPartition[],
  remembered: readonly PartitionOffset[],
  queryId: string,
): Promise<PartitionOffset[]> {
  if (inputs.length === 0) return [];
  const topics = [...new Set(inputs.map((tp) => tp.topic))];
  let fetched: readonly PartitionOffset[];
  try {
    fetched = await admin.committedOffsets(groupId, topics);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RunnerError(
      'COMMIT_FAILED',
      `cannot read the committed offsets to rewind to: ${message}`,
      true,
      { queryId },
      { cause: error },
    );
  }
  const committed = new Map(fetched.map((o) => [partitionKey(o), o.offset]));
  const memory = new Map(remembered.map((o) => [partitionKey(o), o.offset]));
  const out: PartitionOffset[] = [];
  for (const tp of inputs) {
    const known = [committed.get(partitionKey(tp)), memory.get(partitionKey(tp))].filter(
      (o): o is number => o !== undefined && o >= 0,
    );
    if (known.length > 0)
      out.push({ topic: tp.topic, partition: tp.partition, offset: Math.max(...known) });
  }
  return out;
}
