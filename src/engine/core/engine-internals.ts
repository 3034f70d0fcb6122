import type { InferredSchema, Statement } from '../../../sql';
import type { BytesStoreBackendFactory, SerdeFactory } from '../../../topology';
import type {
  Clock,
  ConnectPort,
  EngineLogger,
  QueryRuntimePort,
  RecordPort,
  SchemaRegistryPort,
  TopicAdminPort,
} from '../ports';
import type { KsqlEntity, StatementContext } from '../engine-port';
import type { TopicNameMapper } from '../adapters/topic-name-mapper';
import type { AppliedCommand } from './command-applier';
import type { Metastore } from './metastore';
import type { ScriptSession } from './script-session';
import type { CompileContext } from '../../../sql';
import type { StatementCompiler } from './statement-compiler';

/** An applied command together with its position in the log. */
export interface SubmittedCommand extends AppliedCommand {
  readonly seq: number;
}

/** What the statement executors see of the engine. */
export interface EngineInternals {
  readonly serviceId: string;
  /** This process among the service's engines (transient query groups are per instance). */
  readonly instanceId: string;
  readonly metastore: Metastore;
  readonly compiler: StatementCompiler;
  readonly topics: TopicAdminPort;
  readonly records: RecordPort;
  readonly registry: SchemaRegistryPort;
  readonly runtime: QueryRuntimePort;
  readonly serdes: SerdeFactory;
  /** Queries' state for pull queries (see `EngineOptions.stateStores`). */
  readonly stateStores: BytesStoreBackendFactory | undefined;
  /** Physical names for registry subjects and serdes. */
  readonly topicNames: TopicNameMapper;
  readonly connect: ConnectPort | undefined;
  readonly clock: Clock;
  readonly logger: EngineLogger;
  readonly readScript: ((path: string) => Promise<string>) | undefined;
  /**
   * Compile context for a statement of this session. `queryCounter` is provisional (the next
   * command position): the real ids come from the position the command gets in the log.
   */
  compileContext(session: ScriptSession, sql: string, inferred?: { key?: InferredSchema; value?: InferredSchema }): CompileContext;
  /**
   * Appends the statement to the command log and waits until this engine applied it. Rejects
   * with the application's error (the statement was logged but had no effect).
   */
  submit(statementText: string, session: ScriptSession, inferred?: { key?: InferredSchema; value?: InferredSchema }): Promise<SubmittedCommand>;
  /** Runs a nested script (RUN SCRIPT) with this session's state. */
  executeScript(script: string, context: StatementContext): Promise<readonly KsqlEntity[]>;
  /** The next transient query number of this engine. */
  nextTransientNumber(): number;
}

/** One statement being executed. */
export interface StatementRun<S extends Statement = Statement> {
  readonly statement: S;
  /** The statement text after variable substitution. */
  readonly text: string;
  readonly session: ScriptSession;
  readonly engine: EngineInternals;
}
