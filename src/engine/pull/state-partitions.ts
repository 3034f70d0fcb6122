import type { TopologySpec } from '../../../topology/spec';
import type { TopicAdminPort } from '../ports';

/**
 * How many partitions a query's stores can have: its tasks are its input partitions, and
 * internal topics get as many partitions as the largest source, so the largest source bounds
 * them. Partitions without state simply read as empty.
 */
export async function statePartitions(spec: TopologySpec, topics: TopicAdminPort): Promise<number> {
  const infos = await Promise.all(spec.sources.map((s) => topics.describeTopic(s.topic)));
  return Math.max(1, ...infos.map((i) => i?.partitions ?? 1));
}
