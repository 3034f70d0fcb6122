import { type AdminPort, KafkaPortError } from '../../../topology';
import type { CreateTopicRequest, TopicAdminPort, TopicInfo } from '../ports';
import { identityTopicNames, type TopicNameMapper } from './topic-name-mapper';

/**
 * Topic descriptions in flight at once: a shared broker can hold thousands of topics, and
 * thousands of concurrent metadata requests time out instead of finishing sooner.
 */
const DESCRIBE_CONCURRENCY = 64;

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** `TopicAdminPort` over the runtime's Kafka admin port. */
export class KafkaTopicAdmin implements TopicAdminPort {
  constructor(
    private readonly admin: AdminPort,
    private readonly names: TopicNameMapper = identityTopicNames,
    private readonly defaultReplicas = 1,
  ) {}

  async createTopic(request: CreateTopicRequest): Promise<void> {
    await this.admin.createTopics([
      {
        name: this.names.toPhysical(request.name),
        partitions: request.partitions,
        replicationFactor: request.replicas ?? this.defaultReplicas,
        cleanupPolicy: request.cleanupPolicy ?? 'delete',
      },
    ]);
  }

  async describeTopic(name: string): Promise<TopicInfo | undefined> {
    try {
      const d = await this.admin.describeTopic(this.names.toPhysical(name));
      return { name, partitions: d.partitions, replicas: d.replicationFactor };
    } catch (error) {
      if (error instanceof KafkaPortError && error.code === 'UNKNOWN_TOPIC') return undefined;
      throw error;
    }
  }

  async listTopics(): Promise<readonly TopicInfo[]> {
    const logical = (await this.admin.listTopics()).flatMap((physical) => {
      const name = this.names.toLogical(physical);
      return name === undefined ? [] : [name];
    });
    const infos = await mapBounded(logical, DESCRIBE_CONCURRENCY, (name) => this.describeTopic(name));
    return infos.flatMap((info) => (info ? [info] : [])).sort((a, b) => a.name.localeCompare(b.name));
  }

  async deleteTopic(name: string): Promise<void> {
    await this.admin.deleteTopics([this.names.toPhysical(name)]);
  }

  /** Empty when the admin port cannot describe the cluster (a test broker). */
  async clusterId(): Promise<string> {
    return (await this.admin.describeCluster?.())?.clusterId ?? '';
  }

  async endOffsets(name: string): Promise<readonly number[]> {
    const offsets = await this.admin.endOffsets(this.names.toPhysical(name));
    return [...offsets].sort((a, b) => a.partition - b.partition).map((o) => o.offset);
  }
}
