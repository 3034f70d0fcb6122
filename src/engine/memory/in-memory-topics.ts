/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of asynchronous ports: nothing to wait for */
import type {
  CreateTopicRequest,
  ProduceRecord,
  RecordPort,
  TopicAdminPort,
  TopicInfo,
  TopicReader,
  TopicRecord,
} from '../ports';

interface MemoryTopic {
  readonly info: TopicInfo;
  readonly partitions: TopicRecord[][];
  readonly waiters: Set<() => void>;
}

/** The `kafkaClusterId` of every in-memory "cluster". */
export const IN_MEMORY_CLUSTER_ID = 'in-memory-cluster';

/**
 * Topics and their records in memory: the `TopicAdminPort` and `RecordPort` of unit tests.
 * Records without a partition go to partition 0, so reads are in produce order.
 */
export class InMemoryTopics implements TopicAdminPort, RecordPort {
  private readonly topics = new Map<string, MemoryTopic>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  async createTopic(request: CreateTopicRequest): Promise<void> {
    if (this.topics.has(request.name)) return;
    this.topics.set(request.name, {
      info: { name: request.name, partitions: request.partitions, replicas: request.replicas ?? 1 },
      partitions: Array.from({ length: request.partitions }, () => []),
      waiters: new Set(),
    });
  }

  async describeTopic(name: string): Promise<TopicInfo | undefined> {
    return this.topics.get(name)?.info;
  }

  async listTopics(): Promise<readonly TopicInfo[]> {
    return [...this.topics.values()].map((t) => t.info).sort((a, b) => a.name.localeCompare(b.name));
  }

  async deleteTopic(name: string): Promise<void> {
    this.topics.delete(name);
  }

  /** A fixed id: one in-memory "cluster" per instance, as a broker has one id. */
  async clusterId(): Promise<string> {
    return IN_MEMORY_CLUSTER_ID;
  }

  async endOffsets(name: string): Promise<readonly number[]> {
    return this.topics.get(name)?.partitions.map((p) => p.length) ?? [];
  }

  async produce(records: readonly ProduceRecord[]): Promise<void> {
    for (const record of records) {
      const topic = this.topics.get(record.topic);
      if (!topic) throw new Error(`Unknown topic ${record.topic}`);
      const partition = record.partition ?? 0;
      const log = topic.partitions[partition];
      if (!log) throw new Error(`Topic ${record.topic} has no partition ${partition}`);
      log.push({
        partition,
        offset: log.length,
        timestamp: record.timestamp ?? this.now(),
        key: record.key,
        value: record.value,
        headers: record.headers ?? {},
      });
      for (const wake of topic.waiters) wake();
    }
  }

  /** Every record of a topic, partition by partition (for tests). */
  records(topic: string): readonly TopicRecord[] {
    return this.topics.get(topic)?.partitions.flat() ?? [];
  }

  async read(topicName: string, options: { readonly fromBeginning: boolean }): Promise<TopicReader> {
    const topic = this.topics.get(topicName);
    if (!topic) throw new Error(`Unknown topic ${topicName}`);
    const positions = topic.partitions.map((p) => (options.fromBeginning ? 0 : p.length));
    let closed = false;
    let wake: (() => void) | undefined;
    const records = async function* (): AsyncGenerator<TopicRecord> {
      while (!closed) {
        let found = false;
        for (const [i, log] of topic.partitions.entries()) {
          const at = positions[i] ?? 0;
          const record = log[at];
          if (record) {
            positions[i] = at + 1;
            found = true;
            yield record;
          }
        }
        if (!found && !closed) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            topic.waiters.add(resolve);
          });
          if (wake) topic.waiters.delete(wake);
        }
      }
    };
    return {
      records: records(),
      close: async () => {
        closed = true;
        wake?.();
      },
    };
  }
}
