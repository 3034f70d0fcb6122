/**
 * The contract between Brook's engine and its front ends (the ksqlDB REST server, and through
 * it the REPL). The engine owns statements, the catalog, the command log and running queries;
 * the server only translates HTTP to these calls and the results back to ksqlDB's JSON.
 *
 * Result entities are ksqlDB's `/ksql` response objects, discriminated on `@type`, so the
 * server serialises them as they are. Failures are `EngineError`s: the server maps `status`
 * and `errorCode` (ksqlDB's `HTTP status * 100 + n`) onto its error entities.
 */

import type { Logger } from 'pino';

/** Property overrides and variables that apply to one request (the REPL keeps them per session). */
export interface StatementContext {
  /** `SET 'prop'='value'` overrides, as strings (ksqlDB's `streamsProperties`). */
  readonly streamsProperties: Readonly<Record<string, unknown>>;
  /** `DEFINE` variables for `${name}` substitution (ksqlDB's `sessionVariables`). */
  readonly sessionVariables: Readonly<Record<string, unknown>>;
  /** Run only after the command log reached this sequence number. */
  readonly commandSequenceNumber?: number;
}

// ---------------------------------------------------------------------------------------------
// Entities returned by `execute` (ksqlDB's /ksql response objects)
// ---------------------------------------------------------------------------------------------

interface EntityBase {
  readonly statementText: string;
  readonly warnings: readonly { readonly message: string }[];
}

export type CommandState = 'QUEUED' | 'PARSING' | 'EXECUTING' | 'SUCCESS' | 'ERROR' | 'TERMINATED';

export interface CommandStatus {
  readonly status: CommandState;
  readonly message: string;
  readonly queryId: string | null;
}

export interface CurrentStatusEntity extends EntityBase {
  readonly '@type': 'currentStatus';
  /** `stream/CUSTSTREAM/create`, `table/T/drop`, `terminate/CSAS_X_1/execute`, ... */
  readonly commandId: string;
  readonly commandStatus: CommandStatus;
  readonly commandSequenceNumber: number;
}

export interface SourceInfo {
  readonly type: 'STREAM' | 'TABLE';
  readonly name: string;
  readonly topic: string;
  readonly keyFormat: string;
  readonly valueFormat: string;
  readonly isWindowed: boolean;
}

export interface StreamsListEntity extends EntityBase {
  readonly '@type': 'streams';
  readonly streams: readonly SourceInfo[];
}

export interface TablesListEntity extends EntityBase {
  readonly '@type': 'tables';
  readonly tables: readonly SourceInfo[];
}

export interface RunningQueryInfo {
  readonly queryString: string;
  readonly sinks: readonly string[];
  readonly sinkKafkaTopics: readonly string[];
  readonly id: string;
  readonly statusCount: Readonly<Record<string, number>>;
  readonly queryType: 'PERSISTENT' | 'PUSH';
  readonly state: string;
}

export interface QueriesEntity extends EntityBase {
  readonly '@type': 'queries';
  readonly queries: readonly RunningQueryInfo[];
}

export interface PropertyInfo {
  readonly name: string;
  readonly scope: string;
  readonly value: string;
}

export interface PropertiesEntity extends EntityBase {
  readonly '@type': 'properties';
  readonly properties: readonly PropertyInfo[];
  readonly overwrittenProperties: readonly string[];
  readonly defaultProperties: readonly string[];
}

export interface KafkaTopicsEntity extends EntityBase {
  readonly '@type': 'kafka_topics';
  /** `replicaInfo` holds one replica count per partition, as ksqlDB reports it. */
  readonly topics: readonly { readonly name: string; readonly replicaInfo: readonly number[] }[];
}

/** SHOW TOPICS EXTENDED: each topic with the consumer groups reading it. */
export interface KafkaTopicsExtendedEntity extends EntityBase {
  readonly '@type': 'kafka_topics_extended';
  readonly topics: readonly {
    readonly name: string;
    readonly replicaInfo: readonly number[];
    readonly consumerCount: number;
    readonly consumerGroupCount: number;
  }[];
}

/** A column's type as ksqlDB describes it: `{type: 'STRUCT', fields: [...]}` and so on. */
export interface SchemaInfo {
  readonly type: string;
  readonly fields: readonly FieldInfo[] | null;
  readonly memberSchema: SchemaInfo | null;
}

export interface FieldInfo {
  readonly name: string;
  readonly schema: SchemaInfo;
  /** `KEY` for key columns, `HEADER` for header columns; absent for value columns. */
  readonly type?: 'KEY' | 'HEADER';
}

export interface SourceDescription {
  readonly name: string;
  readonly windowType: string | null;
  readonly readQueries: readonly RunningQueryInfo[];
  readonly writeQueries: readonly RunningQueryInfo[];
  readonly fields: readonly FieldInfo[];
  readonly type: 'STREAM' | 'TABLE';
  readonly timestamp: string;
  readonly statistics: string;
  readonly errorStats: string;
  readonly extended: boolean;
  readonly keyFormat: string;
  readonly valueFormat: string;
  readonly topic: string;
  readonly partitions: number;
  readonly replication: number;
  readonly statement: string;
}

export interface SourceDescriptionEntity extends EntityBase {
  readonly '@type': 'sourceDescription';
  readonly sourceDescription: SourceDescription;
}

export interface QueryDescription {
  readonly id: string;
  readonly statementText: string;
  readonly windowType: string | null;
  readonly fields: readonly FieldInfo[];
  readonly sources: readonly string[];
  readonly sinks: readonly string[];
  /** Brook prints its topology as text, as ksqlDB does. */
  readonly topology: string;
  readonly executionPlan: string;
  readonly overriddenProperties: Readonly<Record<string, unknown>>;
  readonly queryType: 'PERSISTENT' | 'PUSH';
  readonly state: string;
  readonly queryErrors: readonly { readonly errorMessage: string; readonly timestamp: number }[];
}

export interface QueryDescriptionEntity extends EntityBase {
  readonly '@type': 'queryDescription';
  readonly queryDescription: QueryDescription;
}

export interface ConnectorInfoRow {
  readonly name: string;
  readonly type: 'SOURCE' | 'SINK' | 'UNKNOWN';
  readonly className: string;
  /** `RUNNING (1/1 tasks RUNNING)` */
  readonly state: string;
}

export interface ConnectorListEntity extends EntityBase {
  readonly '@type': 'connector_list';
  readonly connectors: readonly ConnectorInfoRow[];
}

export interface ConnectorInfoEntity extends EntityBase {
  readonly '@type': 'connector_info';
  readonly info: {
    readonly name: string;
    readonly config: Readonly<Record<string, string>>;
    readonly tasks: readonly { readonly connector: string; readonly task: number }[];
    readonly type: 'source' | 'sink';
  };
}

export interface DropConnectorEntity extends EntityBase {
  readonly '@type': 'drop_connector';
  readonly connectorName: string;
}

export interface FunctionNamesEntity extends EntityBase {
  readonly '@type': 'function_names';
  readonly functions: readonly {
    readonly name: string;
    readonly type: 'SCALAR' | 'AGGREGATE' | 'TABLE';
    readonly category: string;
  }[];
}

export interface DescribeFunctionEntity extends EntityBase {
  readonly '@type': 'describe_function';
  readonly name: string;
  readonly description: string;
  readonly author: string;
  readonly version: string;
  readonly path: string;
  readonly type: 'SCALAR' | 'AGGREGATE' | 'TABLE';
  readonly functions: readonly {
    readonly arguments: readonly {
      readonly name: string;
      readonly type: string;
      readonly description: string;
      readonly isVariadic: boolean;
    }[];
    readonly returnType: string;
    readonly description: string;
  }[];
}

export interface TypeListEntity extends EntityBase {
  readonly '@type': 'type_list';
  readonly types: Readonly<Record<string, SchemaInfo>>;
}

export interface VariablesEntity extends EntityBase {
  readonly '@type': 'variables';
  readonly variables: readonly { readonly name: string; readonly value: string }[];
}

export interface WarningEntity extends EntityBase {
  readonly '@type': 'warning_entity';
  readonly message: string;
}

/** Every `/ksql` result, discriminated on `@type`. */
export type KsqlEntity =
  | CurrentStatusEntity
  | StreamsListEntity
  | TablesListEntity
  | QueriesEntity
  | PropertiesEntity
  | KafkaTopicsEntity
  | KafkaTopicsExtendedEntity
  | SourceDescriptionEntity
  | QueryDescriptionEntity
  | ConnectorListEntity
  | ConnectorInfoEntity
  | DropConnectorEntity
  | FunctionNamesEntity
  | DescribeFunctionEntity
  | TypeListEntity
  | VariablesEntity
  | WarningEntity;

export type KsqlEntityType = KsqlEntity['@type'];

// ---------------------------------------------------------------------------------------------
// Queries (push and pull SELECT, PRINT)
// ---------------------------------------------------------------------------------------------

export interface QueryHeader {
  /** Stable for persistent-looking ids; for transient queries derived from the statement. */
  readonly queryId: string;
  readonly columnNames: readonly string[];
  /** ksqlDB type strings: `STRING`, `BIGINT`, `DECIMAL(10, 2)`, `STRUCT<A INTEGER>`, ... */
  readonly columnTypes: readonly string[];
  /** `push` runs until LIMIT or close; `pull` ends after the current state was read. */
  readonly queryKind: 'push' | 'pull';
  /** Notes for the client, e.g. a pull query ksqlDB would reject that Brook answered anyway. */
  readonly warnings?: readonly string[];
}

/**
 * A running SELECT. Rows hold Brook's run-time values (bigint, Decimal, Map, Buffer, ...), in
 * header order; the server encodes them as ksqlDB's JSON. The iterator ends when the query ends
 * (LIMIT reached, pull query done, or closed) and throws an `EngineError` if the query fails.
 * `close()` is idempotent and ends the iterator; the engine stops the query's topology.
 */
export interface RowQueryHandle {
  readonly kind: 'rows';
  readonly header: QueryHeader;
  readonly rows: AsyncIterable<readonly unknown[]>;
  /** Why the rows ended, once they did: ksqlDB's `finalMessage`. */
  endReason(): 'LIMIT_REACHED' | 'COMPLETED' | 'CLOSED' | undefined;
  close(): Promise<void>;
}

/** `PRINT topic`: the records of a topic as ksqlDB's text lines (the format lines come first). */
export interface PrintHandle {
  readonly kind: 'print';
  readonly queryId: string;
  readonly lines: AsyncIterable<string>;
  close(): Promise<void>;
}

export type QueryHandle = RowQueryHandle | PrintHandle;

// ---------------------------------------------------------------------------------------------
// Server-level facts
// ---------------------------------------------------------------------------------------------

export interface EngineInfo {
  readonly version: string;
  readonly kafkaClusterId: string;
  readonly ksqlServiceId: string;
  readonly serverStatus: 'RUNNING' | 'ERROR' | 'STARTING';
}

export interface EngineHealth {
  readonly isHealthy: boolean;
  /** ksqlDB reports `metastore`, `kafka` and `commandRunner`; Brook adds `redis` and `queries`. */
  readonly details: Readonly<Record<string, { readonly isHealthy: boolean }>>;
}

/** Per-query counters for `/metrics`; cumulative since the query started in this process. */
export interface QueryMetrics {
  readonly queryId: string;
  readonly state: string;
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly errors: number;
  /** Sum over the query's input partitions of (log end offset - committed offset). */
  readonly consumerLag: number;
  /** Keys the query holds in Redis over all its stores and partitions (shared by the servers). */
  readonly stateKeys: number;
}

/** A connector of the service's Connect worker, for `/metrics`. */
export interface ConnectorMetrics {
  readonly name: string;
  readonly type: 'source' | 'sink' | 'unknown';
  /** RUNNING, PAUSED, FAILED, UNASSIGNED. */
  readonly state: string;
  /** Task count per task state. */
  readonly tasks: Readonly<Record<string, number>>;
}

// ---------------------------------------------------------------------------------------------
// The port
// ---------------------------------------------------------------------------------------------

export interface EnginePort {
  /**
   * Runs a script of `;`-separated statements in order (not SELECT or PRINT: those throw an
   * `EngineError` with `ErrorCodes.queryEndpoint`). Returns one entity per statement that has
   * a result (SET/DEFINE inside a script change only the rest of that script). On the first
   * failing statement throws a `StatementError` that carries the entities already produced.
   */
  execute(ksql: string, context: StatementContext): Promise<readonly KsqlEntity[]>;
  /** Starts one SELECT or PRINT statement. Throws `StatementError` before any row is produced. */
  query(sql: string, context: StatementContext): Promise<QueryHandle>;
  /** Closes a running push query by id; throws `EngineError` (40400) when it is unknown. */
  closeQuery(queryId: string): Promise<void>;
  info(): Promise<EngineInfo>;
  health(): Promise<EngineHealth>;
  /** The status of one command from the command log, `undefined` when it is unknown. */
  status(commandId: string): Promise<CommandStatus | undefined>;
  /** All command ids with their state (ksqlDB's `/status`). */
  statuses(): Promise<Readonly<Record<string, CommandState>>>;
  queryMetrics(): Promise<readonly QueryMetrics[]>;
  /** The connectors' states; absent or empty without a Connect worker. */
  connectorMetrics?(): Promise<readonly ConnectorMetrics[]>;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** ksqlDB's `error_code` convention: HTTP status * 100 + n. */
export const ErrorCodes = {
  badRequest: 40000,
  badStatement: 40001,
  /** A SELECT/PRINT sent to /ksql, or a non-query statement sent to a query endpoint. */
  queryEndpoint: 40002,
  unauthorized: 40100,
  forbidden: 40300,
  notFound: 40400,
  notAcceptable: 40600,
  serverError: 50000,
  serviceUnavailable: 50300,
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface EngineErrorOptions {
  readonly cause?: unknown;
  readonly retriable?: boolean;
}

/** The base of every failure the engine reports to its front ends. */
export class EngineError extends Error {
  readonly retriable: boolean;

  constructor(
    readonly errorCode: ErrorCode,
    message: string,
    options: EngineErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retriable = options.retriable ?? false;
  }

  /** The HTTP status the code encodes. */
  get status(): number {
    return Math.floor(this.errorCode / 100);
  }
}

/**
 * A statement that cannot run: syntax, unknown source, type error, ... The message keeps the
 * engine's `line:col` and caret text. `entities` are the results of the statements of the same
 * script that ran before it.
 */
export class StatementError extends EngineError {
  constructor(
    message: string,
    readonly statementText: string,
    readonly location: { readonly line: number; readonly column: number } | undefined,
    readonly entities: readonly KsqlEntity[] = [],
    options: EngineErrorOptions & { readonly errorCode?: ErrorCode } = {},
  ) {
    super(options.errorCode ?? ErrorCodes.badStatement, message, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Construction (`brook server` calls `createEngine` from `src/engine/index.ts`)
// ---------------------------------------------------------------------------------------------

/** What the engine needs from `brook server`'s configuration. */
export interface EngineConfig {
  readonly bootstrapServers: string;
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly postgresUrl: string;
  /** ksqlDB's `ksql.service.id`: names the command topic and prefixes query groups. */
  readonly serviceId: string;
  /** Where the engine serves the Kafka Connect REST API. */
  readonly connectPort: number;
  readonly connectHost: string;
}

/** An engine that owns connections and running queries, released by `close()`. */
export interface RunningEngine extends EnginePort {
  close(): Promise<void>;
}

export type EngineFactory = (
  config: EngineConfig,
  deps: { readonly logger: Logger },
) => Promise<RunningEngine>;
