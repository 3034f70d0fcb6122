import type {
  ConsumerBatch,
  ConsumerPort,
  KafkaPort,
  LogRecord,
  ProducedRecord,
  ProducerPort,
  TopicPartitionOffset,
  RecordMetadata,
} from '../../../../connectors';

/**
 * An in-memory KafkaPort (one partition per topic) for runtime unit tests. `holdAcks(topic)`
 * makes sends to that topic wait for `releaseAcks()`, so tests can observe what happens before Kafka answers.
 */
export class MemoryKafka implements KafkaPort {
  readonly topics = new Map<string, LogRecord[]>();
  readonly groups = new Map<string, Map<string, bigint>>();
  private held: (() => void)[] | null = null;
  private heldTopic = '';

  holdAcks(topic: string): void {
    this.held = [];
    this.heldTopic = topic;
  }

  releaseAcks(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const release of waiting) release();
  }

  values(topic: string): string[] {
    return (this.topics.get(topic) ?? []).map((r) => r.value?.toString('utf8') ?? 'null');
  }

  ensureTopics(specs: readonly { topic: string }[]): Promise<void> {
    for (const s of specs) if (!this.topics.has(s.topic)) this.topics.set(s.topic, []);
    return Promise.resolve();
  }

  listTopics(): Promise<string[]> {
    return Promise.resolve([...this.topics.keys()]);
  }

  clusterId(): Promise<string> {
    return Promise.resolve('memory');
  }

  createProducer(): Promise<ProducerPort> {
    return Promise.resolve({
      send: async (records: readonly ProducedRecord[]): Promise<RecordMetadata[]> => {
        if (this.held !== null && records.some((r) => r.topic === this.heldTopic))
          await new Promise<void>((resolve) => this.held!.push(resolve));
        return records.map((r) => {
          const log = this.topics.get(r.topic);
          if (log === undefined) throw new Error(`unknown topic ${r.topic}`);
          const offset = BigInt(log.length);
          log.push({
            topic: r.topic,
            partition: 0,
            offset,
            key: r.key,
            value: r.value,
            headers: {},
            timestamp: 0,
          });
          return { topic: r.topic, partition: 0, offset };
        });
      },
      close: () => Promise.resolve(),
    });
  }

  readToEnd(topics: readonly string[]): Promise<LogRecord[]> {
    return Promise.resolve(topics.flatMap((t) => [...(this.topics.get(t) ?? [])]));
  }

  createConsumer(options: {
    groupId: string;
    topics: readonly string[] | RegExp;
  }): Promise<ConsumerPort> {
    const committed = this.groups.get(options.groupId) ?? new Map<string, bigint>();
    this.groups.set(options.groupId, committed);
    const position = new Map(committed);
    let running = true;
    let paused = false;
    const topics = () =>
      [...this.topics.keys()].filter((t) =>
        options.topics instanceof RegExp ? options.topics.test(t) : options.topics.includes(t),
      );
    return Promise.resolve({
      run: (onBatch: (batch: ConsumerBatch) => Promise<void>) => {
        const loop = async (): Promise<void> => {
          while (running) {
            for (const topic of paused ? [] : topics()) {
              const from = Number(position.get(topic) ?? 0n);
              const records = (this.topics.get(topic) ?? []).slice(from);
              if (records.length === 0) continue;
              await onBatch({ topic, partition: 0, records });
              position.set(topic, BigInt(from + records.length));
            }
            await new Promise((r) => setTimeout(r, 5));
          }
        };
        void loop();
        return Promise.resolve();
      },
      commit: (offsets: readonly TopicPartitionOffset[]) => {
        for (const o of offsets) committed.set(o.topic, o.offset);
        return Promise.resolve();
      },
      pause: () => void (paused = true),
      resume: () => void (paused = false),
      close: () => {
        running = false;
        return Promise.resolve();
      },
    });
  }

  groupOffsets(groupId: string): Promise<TopicPartitionOffset[]> {
    return Promise.resolve(
      [...(this.groups.get(groupId) ?? new Map<string, bigint>()).entries()].map(
        ([topic, offset]) => ({ topic, partition: 0, offset }),
      ),
    );
  }

  setGroupOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void> {
    const g = this.groups.get(groupId) ?? new Map<string, bigint>();
    for (const o of offsets) g.set(o.topic, o.offset);
    this.groups.set(groupId, g);
    return Promise.resolve();
  }

  deleteGroup(groupId: string): Promise<void> {
    this.groups.delete(groupId);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
