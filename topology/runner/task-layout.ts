import {
  subTopologies,
  subTopologyStores,
  type StoreSpec,
  type SubTopology,
  type TopologySpec,
} from '../spec';
import type { TopicSpec } from '../kafka';
import { RunnerError } from './runner-error';

/**
 * How a query's work splits into tasks: one task per sub-topology and input partition
 * (`<subTopology>_<partition>`, as Kafka Streams names them). Sources of one sub-topology must
 * be co-partitioned; repartition topics take the partition count of the sub-topology that
 * reads them (so they are co-partitioned with its other sources), or of their writer. A
 * foreign-key join's topics are read where its halves run: the registration topic takes the
 * right table's partition count, the response topic the left table's, so the two tables need not
 * be co-partitioned.
 */
export interface TaskLayout {
  readonly subTopologies: readonly SubTopology[];
  /** Sub-topology index per consumed topic (user sources and repartition topics). */
  readonly subTopologyOfTopic: ReadonlyMap<string, number>;
  /** Task count (partitions) per sub-topology index. */
  readonly partitions: ReadonlyMap<number, number>;
  /** Stores per sub-topology index. */
  readonly stores: ReadonlyMap<number, readonly StoreSpec[]>;
  /** Internal topics to create, with derived partition counts. */
  readonly internalTopics: readonly TopicSpec[];
  readonly repartitionTopics: ReadonlySet<string>;
}

export function taskId(subTopology: number, partition: number): string {
  return `${subTopology}_${partition}`;
}

export function taskLayout(
  spec: TopologySpec,
  sourcePartitions: ReadonlyMap<string, number>,
  replicationFactor: number,
): TaskLayout {
  const subs = subTopologies(spec);
  const repartitionTopics = new Set(
    subs.flatMap((s) => [
      ...s.repartitionInputs.map((r) => r.topic),
      ...s.subscriptionInputs.map((r) => r.topic),
    ]),
  );
  const subTopologyOfTopic = new Map<string, number>();
  for (const sub of subs) {
    for (const topic of sub.sourceTopics) {
      if (subTopologyOfTopic.has(topic) && subTopologyOfTopic.get(topic) !== sub.index) {
        throw new RunnerError('INVALID_SPEC', `topic ${topic} feeds two sub-topologies`, false, {
          queryId: spec.queryId,
          topic,
        });
      }
      subTopologyOfTopic.set(topic, sub.index);
    }
  }
  const partitions = new Map<number, number>();
  const resolve = (sub: SubTopology, depth: number): number => {
    const known = partitions.get(sub.index);
    if (known !== undefined) return known;
    if (depth > subs.length)
      throw new RunnerError('INVALID_SPEC', 'cyclic sub-topologies', false, {
        queryId: spec.queryId,
      });
    const user = sub.sourceTopics.filter((t) => !repartitionTopics.has(t));
    const counts = user.map((topic) => {
      const n = sourcePartitions.get(topic);
      if (n === undefined)
        throw new RunnerError('TOPIC_MISSING', `source topic ${topic} does not exist`, true, {
          queryId: spec.queryId,
          topic,
        });
      return n;
    });
    if (new Set(counts).size > 1) {
      throw new RunnerError(
        'NOT_CO_PARTITIONED',
        `sources of one task must have the same partition count: ${user.map((t, i) => `${t}=${counts[i]}`).join(', ')}`,
        false,
        { queryId: spec.queryId },
      );
    }
    const writers = sub.repartitionInputs.map((r) =>
      subs.find((s) => s.stepIds.includes(r.writerStepId)),
    );
    const n = counts[0] ?? Math.max(1, ...writers.map((w) => (w ? resolve(w, depth + 1) : 1)));
    partitions.set(sub.index, n);
    return n;
  };
  for (const sub of subs) resolve(sub, 0);

  const stores = new Map<number, StoreSpec[]>();
  for (const sub of subs) stores.set(sub.index, [...subTopologyStores(spec, sub)]);
  const rf = replicationFactor;
  const internalTopics: TopicSpec[] = [];
  for (const sub of subs) {
    const n = partitions.get(sub.index) ?? 1;
    for (const r of [...sub.repartitionInputs, ...sub.subscriptionInputs])
      internalTopics.push({ name: r.topic, partitions: n, replicationFactor: rf });
    for (const store of stores.get(sub.index) ?? []) {
      if (store.changelogTopic) {
        internalTopics.push({
          name: store.changelogTopic,
          partitions: n,
          replicationFactor: rf,
          cleanupPolicy: 'compact',
        });
      }
    }
  }
  return {
    subTopologies: subs,
    subTopologyOfTopic,
    partitions,
    stores,
    internalTopics,
    repartitionTopics,
  };
}
