import type { BytesStoreBackendFactory, SerdeFactory } from '../../../topology';
import type { TopicNameMapper } from '../adapters/topic-name-mapper';
import type {
  Clock,
  CommandLogPort,
  ConnectPort,
  EngineLogger,
  QueryRuntimePort,
  RecordPort,
  SchemaRegistryPort,
  StateSizePort,
  TopicAdminPort,
} from '../ports';

/**
 * Everything the engine core depends on. The real server wires Kafka, the registry, Redis and
 * the Connect worker (`createEngine`); tests and the conformance runner pass in-memory ports.
 */
export interface EngineOptions {
  /** `ksql.service.id`: names the command topic, the processing log and every consumer group. */
  readonly serviceId: string;
  /** This process among the service's engines (logging, command origin). */
  readonly instanceId: string;
  readonly commandLog: CommandLogPort;
  readonly topics: TopicAdminPort;
  readonly records: RecordPort;
  readonly registry: SchemaRegistryPort;
  readonly runtime: QueryRuntimePort;
  /** Serdes for INSERT VALUES (AVRO registers through the registry). */
  readonly serdes: SerdeFactory;
  /**
   * Logical -> physical topic names, as the topic and record ports apply them; the engine uses
   * it for registry subjects and serde topics (`<physical topic>-value`). Default: identity.
   */
  readonly topicNames?: TopicNameMapper;
  /**
   * Read access to the queries' state stores (Redis, with no read caches: other processes
   * write it), for pull queries. Absent: pull queries read the table's topic.
   */
  readonly stateStores?: BytesStoreBackendFactory;
  /** Keys of queries' state, for metrics. Absent: reported as 0. */
  readonly stateSize?: StateSizePort;
  /** Absent: the CONNECTOR statements fail with a clear error. */
  readonly connect?: ConnectPort;
  readonly clock?: Clock;
  readonly logger?: EngineLogger;
  /** Server-level ksql properties (defaults for every statement). */
  readonly properties?: Readonly<Record<string, string>>;
  /** Reads the file of RUN SCRIPT; absent: RUN SCRIPT is rejected. */
  readonly readScript?: (path: string) => Promise<string>;
  /** Create the processing-log topic and stream at start (default true). */
  readonly processingLog?: boolean;
  readonly version?: string;
  /** How long a statement waits for its command to be applied (default 30 s). */
  readonly commandTimeoutMs?: number;
}
