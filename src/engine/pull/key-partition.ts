import {
  defaultPartition,
  repartitionCodec,
  taskLayout,
  type FormatName,
  type Row,
  type SerdeFactory,
  type SubTopology,
  type TaskLayout,
  type TopologySpec,
} from '../../../topology';
import { stepById } from '../../../topology/spec';
import type { TopicAdminPort } from '../ports';
import type { Materialization } from './materialization';

/**
 * Which store partitions a materialised table spreads over, and which one holds a key, as
 * ksqlDB's key lookups route to the one partition (Kafka Streams' `queryMetadataForKey`).
 */
export interface StatePartitioning {
  /** Every partition a store of the query can have (partitions without state read as empty). */
  readonly partitions: number;
  /** The partition holding `key`; undefined when it cannot be computed: read every partition. */
  partitionOf(key: Row): Promise<number | undefined>;
}

/**
 * Key formats whose bytes depend on the key alone. Registry formats embed a schema id that
 * depends on who registered what, so their keys are not re-serialised to pick a partition.
 */
const SELF_CONTAINED: ReadonlySet<FormatName> = new Set(['KAFKA', 'JSON', 'DELIMITED']);

const unknownPartition = (): Promise<undefined> => Promise.resolve(undefined);

/**
 * The partitioning of `m`'s store. A task of the store's sub-topology owns one partition of its
 * input, which Kafka's default partitioner filled: murmur2 of the key bytes. Those bytes are the
 * user topic's key format when the sub-topology reads a user topic (its producers wrote it, and
 * repartition records read next to it are re-encoded so), else the runtime's repartition key
 * encoding (a GROUP BY's repartition topic read alone).
 */
export async function statePartitioning(m: Materialization, topics: TopicAdminPort, serdes: SerdeFactory): Promise<StatePartitioning> {
  const counts = await sourcePartitions(m.spec, topics);
  const partitions = Math.max(1, ...counts.values());
  let layout: TaskLayout;
  try {
    layout = taskLayout(m.spec, counts, 1);
  } catch {
    return { partitions, partitionOf: unknownPartition };
  }
  const sub = layout.subTopologies.find((s) => s.stepIds.includes(m.root.id));
  const taskCount = sub ? layout.partitions.get(sub.index) : undefined;
  if (!sub || taskCount === undefined || sub.subscriptionInputs.length > 0) return { partitions, partitionOf: unknownPartition };
  return { partitions, partitionOf: keyPartitioner(m, sub, layout, taskCount, serdes) };
}

/** How many partitions the query's stores can have: its largest source bounds its tasks. */
export async function statePartitions(spec: TopologySpec, topics: TopicAdminPort): Promise<number> {
  return Math.max(1, ...(await sourcePartitions(spec, topics)).values());
}

async function sourcePartitions(spec: TopologySpec, topics: TopicAdminPort): Promise<Map<string, number>> {
  const names = [...new Set(spec.sources.map((s) => s.topic))];
  const infos = await Promise.all(names.map((t) => topics.describeTopic(t)));
  return new Map(names.map((t, i) => [t, infos[i]?.partitions ?? 1]));
}

function keyPartitioner(m: Materialization, sub: SubTopology, layout: TaskLayout, taskCount: number, serdes: SerdeFactory): StatePartitioning['partitionOf'] {
  const userTopic = sub.sourceTopics.find((t) => !layout.repartitionTopics.has(t));
  if (userTopic !== undefined) {
    const source = m.spec.sources.find((s) => s.topic === userTopic);
    if (!source || source.window !== null || !SELF_CONTAINED.has(source.keyFormat.format)) return unknownPartition;
    const serde = serdes.create({ topic: userTopic, isKey: true, format: source.keyFormat, columns: m.root.schema.key });
    return async (key) => {
      const bytes = await serde.serialize(key).catch(() => undefined);
      if (bytes === undefined) return undefined;
      return bytes === null ? 0 : defaultPartition(bytes, taskCount);
    };
  }
  const [input, ...others] = sub.repartitionInputs;
  if (!input || others.length > 0) return unknownPartition;
  const codec = repartitionCodec(stepById(m.spec, input.writerStepId).schema);
  return (key) => {
    try {
      return Promise.resolve(defaultPartition(codec.encodeKey(key), taskCount));
    } catch {
      return Promise.resolve(undefined);
    }
  };
}
