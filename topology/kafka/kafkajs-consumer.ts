import type { Batch, Consumer, Kafka } from 'kafkajs';
import type { AdminPort } from './admin-port';
import type {
  ConsumerHandler,
  ConsumerOptions,
  ConsumerPort,
  ConsumerSubscription,
} from './consumer-port';
import { coPartitionedAssigner } from './co-partitioned-assigner';
import { toKafkaError } from './kafka-error';
import {
  partitionKey,
  type ConsumedRecord,
  type PortLogger,
  type RecordBatch,
  type TopicPartition,
} from './types';

/**
 * `ConsumerPort` over a kafkajs consumer. kafkajs hides rebalance callbacks; the assignment is
 * read from its GROUP_JOIN event and the delta is delivered through the same serial queue as
 * the batches, so a handler never sees a batch of a partition before `onAssigned` nor after
 * `onRevoked`.
 */
export function kafkajsConsumer(
  kafka: Kafka,
  options: ConsumerOptions,
  admin: AdminPort,
  logger: PortLogger,
): ConsumerPort {
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
    maxWaitTimeInMs: options.maxWaitMs ?? 500,
    maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
    allowAutoTopicCreation: false,
    // Transactions of exactly_once_v2 producers are seen only once committed.
    readUncommitted: false,
    partitionAssigners: [coPartitionedAssigner],
    retry: { retries: 8, restartOnFailure: (e) => Promise.resolve(toKafkaError(e).retriable) },
  });
  let assigned = new Map<string, TopicPartition>();
  let serial: Promise<void> = Promise.resolve();
  let handler: ConsumerHandler | null = null;
  let stopping = false;
  let stopped: Promise<void> | null = null;

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = serial.then(work);
    serial = next.catch(() => undefined);
    return next;
  };

  const reconcile = async (memberAssignment: Record<string, number[]>): Promise<void> => {
    if (!handler || stopping) return;
    const next = new Map<string, TopicPartition>();
    for (const [topic, partitions] of Object.entries(memberAssignment)) {
      for (const partition of partitions)
        next.set(partitionKey({ topic, partition }), { topic, partition });
    }
    const revoked = [...assigned.entries()].filter(([k]) => !next.has(k)).map(([, tp]) => tp);
    const added = [...next.entries()].filter(([k]) => !assigned.has(k)).map(([, tp]) => tp);
    assigned = next;
    logger.info({ groupId: options.groupId, revoked, assigned: added }, 'group assignment changed');
    if (revoked.length > 0) await handler.onRevoked(revoked);
    if (added.length > 0) await handler.onAssigned(added);
  };

  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    const assignment = event.payload.memberAssignment as unknown as Record<string, number[]>;
    enqueue(() => reconcile(assignment)).catch((error: unknown) => {
      handler?.onCrash(toKafkaError(error, { groupId: options.groupId }));
    });
  });
  consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
    const { topic, partition, lastOffset } = event.payload;
    handler?.onFetched?.({ topic, partition, offset: Number(lastOffset) + 1 });
  });
  consumer.on(consumer.events.CRASH, (event) => {
    const error = toKafkaError(event.payload.error, { groupId: options.groupId });
    logger.error(
      { groupId: options.groupId, code: error.code, restart: event.payload.restart },
      error.message,
    );
    if (stopping) return;
    if (!event.payload.restart) {
      handler?.onCrash(error);
      return;
    }
    // A restarted kafkajs consumer fetches again from the committed offsets: the partitions'
    // uncommitted work must be abandoned, exactly as for a rebalance.
    enqueue(async () => {
      const all = [...assigned.values()];
      assigned = new Map();
      if (handler && all.length > 0) await handler.onRevoked(all);
    }).catch((e: unknown) => handler?.onCrash(toKafkaError(e, { groupId: options.groupId })));
  });

  const toBatch = (batch: Batch, isStale: () => boolean): RecordBatch => {
    const records: ConsumedRecord[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: Number(m.offset),
      key: m.key ?? null,
      value: m.value ?? null,
      timestamp: Number(m.timestamp),
      headers: decodeHeaders(m.headers),
    }));
    return {
      topic: batch.topic,
      partition: batch.partition,
      records,
      highWatermark: Number(batch.highWatermark),
      lastOffset: Number(batch.lastOffset()),
      isStale,
    };
  };

  return {
    async run(subscription: ConsumerSubscription, h: ConsumerHandler): Promise<void> {
      handler = h;
      try {
        await consumer.connect();
        if (subscription.fromEarliest.length > 0) {
          await consumer.subscribe({ topics: [...subscription.fromEarliest], fromBeginning: true });
        }
        if (subscription.fromLatest.length > 0) {
          await consumer.subscribe({ topics: [...subscription.fromLatest], fromBeginning: false });
        }
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: true,
          eachBatch: async (payload) => {
            const { batch } = payload;
            if (batch.messages.length === 0) return;
            await enqueue(async () => {
              if (stopping || !payload.isRunning() || payload.isStale()) return;
              if (!assigned.has(partitionKey(batch))) return;
              // kafkajs applies a seek at its next fetch and drops fetched batches of a seeked
              // partition only until then; the handler may seek while this batch waits for it.
              await h.onBatch(toBatch(batch, () => payload.isStale()));
            });
          },
        });
      } catch (error) {
        throw toKafkaError(error, { groupId: options.groupId });
      }
    },
    pause(partitions) {
      consumer.pause(groupByTopic(partitions));
    },
    resume(partitions) {
      consumer.resume(groupByTopic(partitions));
    },
    seek(position) {
      consumer.seek({
        topic: position.topic,
        partition: position.partition,
        offset: String(position.offset),
      });
    },
    async commit(offsets) {
      if (offsets.length === 0) return;
      try {
        await consumer.commitOffsets(
          offsets.map((o) => ({
            topic: o.topic,
            partition: o.partition,
            offset: String(o.offset),
          })),
        );
      } catch (error) {
        throw toKafkaError(error, { groupId: options.groupId });
      }
    },
    committed(topics) {
      return admin.committedOffsets(options.groupId, topics);
    },
    assignment() {
      return [...assigned.values()];
    },
    stop() {
      stopped ??= (async () => {
        // Revoke first, while still a group member, so the handler can commit its work.
        await enqueue(async () => {
          const all = [...assigned.values()];
          stopping = true;
          assigned = new Map();
          if (handler && all.length > 0) await handler.onRevoked(all);
        }).catch((error: unknown) => {
          logger.warn({ groupId: options.groupId, error: String(error) }, 'revoke on stop failed');
        });
        await consumer.disconnect();
      })();
      return stopped;
    },
  };
}

function groupByTopic(
  partitions: readonly TopicPartition[],
): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const tp of partitions)
    byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  return [...byTopic.entries()].map(([topic, ps]) => ({ topic, partitions: ps }));
}

function decodeHeaders(headers: Record<string, unknown> | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (Buffer.isBuffer(first)) out[name] = first;
    else if (typeof first === 'string') out[name] = Buffer.from(first);
  }
  return out;
}
