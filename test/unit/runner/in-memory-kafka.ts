import type {
  AdminPort,
  ConsumerHandler,
  ConsumerPort,
  KafkaClientPort,
  OutgoingRecord,
  PartitionOffset,
  ProducerPort,
} from '../../../topology/kafka';

/**
 * An in-memory implementation of our Kafka ports for runner unit tests: the test drives the
 * consumer handler directly (assignments, batches); producers append to in-memory logs; every
 * call that matters to ordering is written to `journal`.
 */
export class InMemoryKafka implements KafkaClientPort {
  readonly journal: string[] = [];
  readonly logs = new Map<string, OutgoingRecord[]>();
  readonly commits: PartitionOffset[][] = [];
  readonly seeks: PartitionOffset[] = [];
  handler: ConsumerHandler | null = null;
  failNextFlush: Error | null = null;

  constructor(private readonly partitions: ReadonlyMap<string, number>) {}

  log(topic: string, partition: number): OutgoingRecord[] {
    return this.logs.get(`${topic}:${partition}`) ?? [];
  }

  consumer(): ConsumerPort {
    return {
      run: (_subscription, handler) => {
        this.handler = handler;
        return Promise.resolve();
      },
      pause: () => this.journal.push('pause'),
      resume: () => this.journal.push('resume'),
      seek: (position) => void this.seeks.push(position),
      commit: (offsets) => {
        this.journal.push(
          `commit ${offsets.map((o) => `${o.topic}:${o.partition}@${o.offset}`).join(',')}`,
        );
        this.commits.push([...offsets]);
        return Promise.resolve();
      },
      committed: () => Promise.resolve([]),
      assignment: () => [],
      stop: () => Promise.resolve(void this.journal.push('consumer stop')),
    };
  }

  producer(): ProducerPort {
    let buffered: OutgoingRecord[] = [];
    return {
      send: (record) => void buffered.push(record),
      flush: () => {
        if (this.failNextFlush) {
          const error = this.failNextFlush;
          this.failNextFlush = null;
          buffered = [];
          return Promise.reject(error);
        }
        for (const r of buffered) {
          const id = `${r.topic}:${r.partition ?? 0}`;
          this.logs.set(id, [...(this.logs.get(id) ?? []), r]);
        }
        this.journal.push(`producer flush ${buffered.length}`);
        buffered = [];
        return Promise.resolve();
      },
      acknowledgedEnd: (topic, partition) => {
        const n = this.log(topic, partition).length;
        return n === 0 ? undefined : n;
      },
      beginTransaction: () => Promise.reject(new Error('no transactions in memory')),
      close: () => Promise.resolve(),
    };
  }

  admin(): AdminPort {
    const offsets = (topic: string, end: boolean): PartitionOffset[] =>
      [...Array(this.partitions.get(topic) ?? 1).keys()].map((partition) => ({
        topic,
        partition,
        offset: end ? this.log(topic, partition).length : 0,
      }));
    return {
      createTopics: () => Promise.resolve(),
      deleteTopics: () => Promise.resolve(),
      listTopics: () => Promise.resolve([...this.partitions.keys()]),
      describeTopic: (name) =>
        Promise.resolve({
          name,
          partitions: this.partitions.get(name) ?? 1,
          replicationFactor: 1,
          cleanupPolicy: 'delete',
          configs: {},
        }),
      endOffsets: (topic) => Promise.resolve(offsets(topic, true)),
      beginningOffsets: (topic) => Promise.resolve(offsets(topic, false)),
      committedOffsets: () => Promise.resolve([]),
      groupLag: () => Promise.resolve([]),
      deleteGroup: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
