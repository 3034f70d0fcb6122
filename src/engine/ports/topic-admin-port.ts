/** What the engine knows about a Kafka topic. */
export interface TopicInfo {
  readonly name: string;
  readonly partitions: number;
  readonly replicas: number;
}

export interface CreateTopicRequest {
  readonly name: string;
  readonly partitions: number;
  readonly replicas?: number;
  readonly cleanupPolicy?: 'delete' | 'compact';
}

/**
 * Topic administration. Names given to and returned by this port are LOGICAL names, as the
 * catalog and the user see them; an implementation may map them to physical names (the QTT
 * runner prefixes every topic per test case) and must then hide topics outside its namespace.
 */
export interface TopicAdminPort {
  /** Creates the topic when it does not exist; an existing topic is left as it is. */
  createTopic(request: CreateTopicRequest): Promise<void>;
  /** `undefined` when the topic does not exist. */
  describeTopic(name: string): Promise<TopicInfo | undefined>;
  /** Every visible topic, sorted by name. */
  listTopics(): Promise<readonly TopicInfo[]>;
  deleteTopic(name: string): Promise<void>;
  /** Sum of end offsets over the partitions (records written, for SHOW TOPICS EXTENDED). */
  endOffsets(name: string): Promise<readonly number[]>;
  /** The Kafka cluster's id, as `/info` reports it (`kafkaClusterId`). */
  clusterId(): Promise<string>;
  /** Consumer groups reading the topic, for SHOW TOPICS EXTENDED. */
  consumerGroups?(name: string): Promise<readonly { readonly groupId: string; readonly members: number }[]>;
}
