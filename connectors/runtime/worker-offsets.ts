import type { SourceOffset, SourcePartition } from '../plugins/source-connector';
import type { TopicPartitionOffset } from './kafka-port';

/** One entry of `GET /connectors/{name}/offsets`. */
export interface OffsetEntry {
  readonly partition: SourcePartition;
  readonly offset: SourceOffset;
}

/** Sink offsets are the consumer group's, in Connect's `kafka_topic/kafka_partition/kafka_offset` shape. */
export function sinkOffsets(offsets: readonly TopicPartitionOffset[]): OffsetEntry[] {
  return offsets.map((o) => ({
    partition: { kafka_topic: o.topic, kafka_partition: o.partition },
    offset: { kafka_offset: Number(o.offset) },
  }));
}
