import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * A group assignor that keeps co-partitioned topics together, as Kafka Streams' assignor does
 * for tasks: partition `p` of every subscribed topic goes to the same member, so a join or a
 * merge of co-partitioned sources sees both sides of a key on one instance. Partition numbers
 * are spread over the members (sorted by id) round-robin.
 */
export const coPartitionedAssigner: PartitionAssigner = ({ cluster }) => ({
  name: 'BrookCoPartitionedAssigner',
  version: 1,
  assign({ members, topics }) {
    const sorted = members.map((m) => m.memberId).sort();
    const assignment = new Map<string, Record<string, number[]>>(sorted.map((id) => [id, {}]));
    for (const topic of topics) {
      for (const { partitionId } of cluster.findTopicPartitionMetadata(topic)) {
        const member = sorted[partitionId % sorted.length];
        if (member === undefined) continue;
        const own = assignment.get(member)!;
        (own[topic] ??= []).push(partitionId);
      }
    }
    return Promise.resolve(
      [...assignment.entries()].map(([memberId, topicPartitions]) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 1,
          assignment: topicPartitions,
          userData: Buffer.alloc(0),
        }),
      })),
    );
  },
  protocol({ topics }) {
    return {
      name: 'BrookCoPartitionedAssigner',
      metadata: AssignerProtocol.MemberMetadata.encode({
        version: 1,
        topics,
        userData: Buffer.alloc(0),
      }),
    };
  },
});
