import { defaultPartition } from '../kafka';
import { repartitionCodec } from '../runtime';
import type { SerdeFactory } from '../serdes';
import { stepById, type LogicalSchema, type SubscriptionInput, type TopologySpec } from '../spec';
import type { TaskLayout } from './task-layout';

/** Picks the partition of a repartition record from its internal key bytes (undefined: default). */
export type RepartitionPartitioner = (
  topic: string,
  key: Buffer | null,
) => Promise<number | undefined>;

/**
 * Repartition records carry the runtime's internal key encoding, but must land on the partition
 * where the reading task's other sources (a joined table) hold the same key. For a repartition
 * topic read next to a user topic, the key is re-encoded in that topic's key format and
 * partitioned with Kafka's default partitioner, as the user's producers did. Keys of a
 * repartition topic read alone only need a stable partition: the default one is kept.
 * Foreign-key join topics are routed the same way: a subscription (keyed by foreign key) to the
 * partition of the right table's row with that key, a response (keyed by the left key) to the
 * partition of the left row that subscribed.
 */
export function repartitionPartitioner(
  spec: TopologySpec,
  layout: TaskLayout,
  serdes: SerdeFactory,
): RepartitionPartitioner {
  const routes = new Map<string, (key: Buffer) => Promise<number>>();
  for (const sub of layout.subTopologies) {
    const user = sub.sourceTopics.find((t) => !layout.repartitionTopics.has(t));
    const source = spec.sources.find((s) => s.topic === user);
    const partitions = layout.partitions.get(sub.index);
    if (!source || partitions === undefined) continue;
    const inputs = [
      ...sub.repartitionInputs.map((r) => ({
        topic: r.topic,
        schema: stepById(spec, r.writerStepId).schema,
      })),
      ...sub.subscriptionInputs.map((r) => ({
        topic: r.topic,
        schema: subscriptionKeyOf(spec, r),
      })),
    ];
    for (const input of inputs) {
      const { schema } = input;
      const codec = repartitionCodec(schema);
      const serde = serdes.create({
        topic: source.topic,
        isKey: true,
        format: source.keyFormat,
        columns: schema.key,
      });
      routes.set(input.topic, async (key) => {
        const bytes = await serde.serialize(codec.decodeKey(key));
        return bytes === null ? 0 : defaultPartition(bytes, partitions);
      });
    }
  }
  return async (topic, key) => {
    const route = routes.get(topic);
    return route && key ? route(key) : undefined;
  };
}

/** The key of a foreign-key join topic: the right table's key (registrations) or the left's. */
function subscriptionKeyOf(spec: TopologySpec, input: SubscriptionInput): LogicalSchema {
  const join = stepById(spec, input.stepId);
  if (join.kind !== 'ForeignKeyTableTableJoin') return join.schema;
  return stepById(spec, input.side === 'registration' ? join.right : join.left).schema;
}
