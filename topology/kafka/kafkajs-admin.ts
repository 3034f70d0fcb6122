import { ConfigResourceTypes, type Admin, type Kafka } from 'kafkajs';
import type { AdminPort, PartitionLag, TopicDescription } from './admin-port';
import { KafkaPortError, toKafkaError } from './kafka-error';
import type { PartitionOffset } from './types';

const ADMIN_RETRIES = 4;

/** `AdminPort` over a kafkajs admin client (connected lazily, once). */
export function kafkajsAdmin(kafka: Kafka): AdminPort {
  const admin: Admin = kafka.admin({ retry: { retries: 8 } });
  let connected: Promise<void> | null = null;
  const ready = async (): Promise<Admin> => {
    await (connected ??= admin.connect());
    return admin;
  };
  // Metadata of a topic created a moment ago may not have reached every broker yet; kafkajs
  // does not retry those answers on every path, so retriable failures get a few more tries.
  const call = async <T>(fn: (a: Admin) => Promise<T>, topic?: string): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn(await ready());
      } catch (error) {
        const mapped = toKafkaError(error, topic === undefined ? {} : { topic });
        if (!mapped.retriable || attempt >= ADMIN_RETRIES) throw mapped;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  };

  const endOffsets = (topic: string): Promise<readonly PartitionOffset[]> =>
    call(async (a) => {
      const offsets = await fetchTopicOffsets(a, topic);
      return offsets.map((o) => ({ topic, partition: o.partition, offset: Number(o.high) }));
    }, topic);

  const committedOffsets = (
    groupId: string,
    topics: readonly string[],
  ): Promise<readonly PartitionOffset[]> =>
    call(async (a) => {
      const result = await a.fetchOffsets({ groupId, topics: [...topics] });
      return result.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.topic,
          partition: p.partition,
          offset: Number(p.offset),
        })),
      );
    });

  return {
    createTopics: (topics) =>
      call(async (a) => {
        const existing = new Set(await a.listTopics());
        const missing = topics.filter((t) => !existing.has(t.name));
        if (missing.length === 0) return;
        await a.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({
            topic: t.name,
            numPartitions: t.partitions,
            replicationFactor: t.replicationFactor ?? -1,
            configEntries: Object.entries({
              'cleanup.policy': t.cleanupPolicy ?? 'delete',
              ...t.configs,
            }).map(([name, value]) => ({ name, value })),
          })),
        });
      }).catch((error: unknown) => {
        // A concurrent creator won the race: the topic exists, which is what was asked.
        if (error instanceof KafkaPortError && error.code === 'TOPIC_EXISTS') return;
        throw error;
      }),
    deleteTopics: (names) =>
      call(async (a) => {
        const existing = new Set(await a.listTopics());
        const present = names.filter((n) => existing.has(n));
        if (present.length > 0) await a.deleteTopics({ topics: present });
      }),
    listTopics: () => call((a) => a.listTopics()),
    describeTopic: (name) => call((a) => describe(a, name), name),
    endOffsets,
    beginningOffsets: (topic) =>
      call(async (a) => {
        const offsets = await fetchTopicOffsets(a, topic);
        return offsets.map((o) => ({ topic, partition: o.partition, offset: Number(o.low) }));
      }, topic),
    committedOffsets,
    async groupLag(groupId, topics): Promise<readonly PartitionLag[]> {
      const committed = await committedOffsets(groupId, topics);
      const lags: PartitionLag[] = [];
      for (const topic of topics) {
        const [ends, starts] = await Promise.all([endOffsets(topic), this.beginningOffsets(topic)]);
        for (const end of ends) {
          const position =
            committed.find((c) => c.topic === topic && c.partition === end.partition)?.offset ?? -1;
          const from =
            position >= 0
              ? position
              : (starts.find((s) => s.partition === end.partition)?.offset ?? 0);
          lags.push({
            ...end,
            offset: position,
            endOffset: end.offset,
            lag: Math.max(end.offset - from, 0),
          });
        }
      }
      return lags;
    },
    deleteGroup: (groupId) =>
      call(async (a) => {
        await a.deleteGroups([groupId]);
      }).catch((error: unknown) => {
        if (error instanceof KafkaPortError && error.fields.brokerError === 'GROUP_ID_NOT_FOUND')
          return;
        throw error;
      }),
    describeCluster: () =>
      call(async (a) => ({ clusterId: (await a.describeCluster()).clusterId })),
    async close() {
      if (connected) await admin.disconnect();
    },
  };
}

async function describe(a: Admin, name: string): Promise<TopicDescription> {
  const metadata = await a.fetchTopicMetadata({ topics: [name] });
  const topic = metadata.topics.find((t) => t.name === name);
  if (!topic)
    throw new KafkaPortError('UNKNOWN_TOPIC', `topic ${name} does not exist`, false, {
      topic: name,
    });
  const described = await a.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name }],
  });
  const configs: Record<string, string> = {};
  for (const entry of described.resources[0]?.configEntries ?? [])
    configs[entry.configName] = entry.configValue;
  return {
    name,
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    cleanupPolicy: configs['cleanup.policy'] ?? 'delete',
    configs,
  };
}

/**
 * kafkajs answers a topic whose metadata is not propagated yet (just created) with a TypeError
 * from inside `fetchTopicOffsets`; it is the same transient state as UNKNOWN_TOPIC_OR_PARTITION.
 */
async function fetchTopicOffsets(a: Admin, topic: string): ReturnType<Admin['fetchTopicOffsets']> {
  try {
    return await a.fetchTopicOffsets(topic);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    throw new KafkaPortError(
      'UNKNOWN_TOPIC',
      `metadata for ${topic} is not ready: ${err.message}`,
      true,
      { topic },
      { cause: err },
    );
  }
}
