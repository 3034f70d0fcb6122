import { type CompileContext, type InferredSchema, parseScript, type ScriptStatement, type Statement } from '../../../sql';
import {
  type CommandState,
  type CommandStatus,
  type ConnectorMetrics,
  type EngineHealth,
  type EngineInfo,
  EngineError,
  ErrorCodes,
  type EnginePort,
  type KsqlEntity,
  type QueryHandle,
  type QueryMetrics,
  type StatementContext,
} from '../engine-port';
import { identityTopicNames } from '../adapters/topic-name-mapper';
import { startPrint } from '../print/print-query';
import { startSelect } from '../select/select-query';
import { systemClock, silentEngineLogger, type LoggedCommand } from '../ports';
import { type ApplyOutcome, CommandApplier } from './command-applier';
import { COMMAND_VERSION } from './command';
import type { EngineInternals, SubmittedCommand } from './engine-internals';
import type { EngineOptions } from './engine-options';
import { compileContext } from './compile-config';
import { Metastore } from './metastore';
import { queryState } from './persistent-query';
import { processingLogTopic, registerProcessingLog } from './processing-log';
import { ScriptSession } from './script-session';
import type { StatementCompiler } from './statement-compiler';
import { dispatchStatement } from './statement-dispatch';
import { toStatementError } from './statement-errors';
import { ActiveTransients } from './active-transients';
import { statePartitions } from '../pull';
import type { TopologySpec } from '../../../topology/spec';
import { AppliedLog } from './applied-log';

/**
 * The engine: executes statements against the catalog, logs DDL/DML in the command log and
 * applies the log (its own commands and other engines') to the metastore and the runtime.
 *
 * Lifecycle: `start()` creates the processing log, replays the command log (queries are
 * started once the replay is complete, so a terminated query never runs) and keeps following
 * it; `close()` stops following, stops this process's queries without cleaning them up (a
 * restart resumes them) and closes transient queries.
 */
export class BrookEngine implements EnginePort {
  readonly metastore = new Metastore();
  private readonly applier: CommandApplier;
  private readonly applied: AppliedLog;
  private readonly transients = new ActiveTransients();
  private readonly internals: EngineInternals;
  private stopFollowing: (() => Promise<void>) | undefined;
  private transientCount = 0;
  private started = false;
  private kafkaClusterId = '';
  private clusterIdLookup: Promise<void> | undefined;

  constructor(
    private readonly options: EngineOptions,
    compiler: StatementCompiler,
  ) {
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentEngineLogger;
    this.applier = new CommandApplier({ metastore: this.metastore, compiler, runtime: options.runtime, serviceId: options.serviceId, clock, logger });
    this.applied = new AppliedLog(options.commandTimeoutMs ?? 30_000);
    this.internals = {
      serviceId: options.serviceId,
      instanceId: options.instanceId,
      metastore: this.metastore,
      compiler,
      topics: options.topics,
      records: options.records,
      registry: options.registry,
      runtime: options.runtime,
      serdes: options.serdes,
      stateStores: options.stateStores,
      topicNames: options.topicNames ?? identityTopicNames,
      connect: options.connect,
      clock,
      logger,
      readScript: options.readScript,
      compileContext: (session, sql, inferred) => this.compileContext(session, sql, inferred),
      submit: (text, session, inferred) => this.submit(text, session, inferred),
      executeScript: (script, context) => this.execute(script, context),
      nextTransientNumber: () => this.transientCount++,
    };
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.options.processingLog !== false) await registerProcessingLog(this.options.serviceId, this.metastore, this.options.topics);
    await this.refreshClusterId();
    this.stopFollowing = await this.options.commandLog.follow((logged) => this.onCommand(logged));
    await this.applier.startDeferred();
  }

  private async onCommand(logged: LoggedCommand): Promise<void> {
    const outcome: ApplyOutcome = await this.applier.apply(logged);
    this.applied.record(logged.seq, outcome);
  }

  private compileContext(session: ScriptSession, sql: string, inferred?: { key?: InferredSchema; value?: InferredSchema }): CompileContext {
    return compileContext(this.metastore, this.options.serviceId, session.properties(), this.applied.nextSeq(), sql, inferred);
  }

  private async submit(statement: string, session: ScriptSession, inferred?: { key?: InferredSchema; value?: InferredSchema }): Promise<SubmittedCommand> {
    const seq = await this.options.commandLog.append({
      version: COMMAND_VERSION,
      statement,
      properties: session.properties(),
      ...(inferred && (inferred.key || inferred.value) ? { inferred } : {}),
      origin: this.options.instanceId,
    });
    const outcome = await this.applied.waitFor(seq);
    if (!outcome.ok) throw outcome.error;
    return { ...outcome.applied, seq };
  }

  async execute(ksql: string, context: StatementContext): Promise<readonly KsqlEntity[]> {
    this.requireStarted();
    if (context.commandSequenceNumber !== undefined) await this.applied.waitFor(context.commandSequenceNumber).catch(() => undefined);
    const session = new ScriptSession(this.options.properties ?? {}, context);
    const statements = this.parse(ksql, session);
    const entities: KsqlEntity[] = [];
    for (const { statement, text } of statements) {
      try {
        entities.push(...(await dispatchStatement({ statement, text, session, engine: this.internals })));
      } catch (error) {
        throw toStatementError(error, text, ksql, entities);
      }
    }
    return entities;
  }

  async query(sql: string, context: StatementContext): Promise<QueryHandle> {
    this.requireStarted();
    const session = new ScriptSession(this.options.properties ?? {}, context);
    const [first, extra] = this.parse(sql, session);
    if (!first || extra) {
      throw toStatementError(new EngineError(ErrorCodes.badStatement, 'Expected exactly one SELECT or PRINT statement'), sql, sql);
    }
    try {
      return this.transients.track(await this.startQuery(first.statement, first.text, session));
    } catch (error) {
      throw toStatementError(error, first.text, sql);
    }
  }

  /**
   * Parses the whole request first, as ksqlDB does: a syntax error anywhere means no statement
   * runs. `${var}` references are substituted with the request's variables and the script's
   * DEFINEs before each statement.
   */
  private parse(script: string, session: ScriptSession): readonly ScriptStatement[] {
    try {
      return parseScript(script, { variables: session.variableMap() });
    } catch (error) {
      throw toStatementError(error, script, script);
    }
  }

  private async startQuery(statement: Statement, text: string, session: ScriptSession): Promise<QueryHandle> {
    const n = this.internals.nextTransientNumber();
    switch (statement.kind) {
      case 'Query':
        return startSelect(statement, text, this.internals, session, n);
      case 'Print':
        return startPrint(statement, this.internals, `print_${this.options.serviceId}_${n}`);
      default:
        throw new EngineError(ErrorCodes.queryEndpoint, `${statement.kind} statements must be sent to the /ksql endpoint`);
    }
  }

  async closeQuery(queryId: string): Promise<void> {
    if (!(await this.transients.close(queryId))) throw new EngineError(ErrorCodes.notFound, `No query with id ${queryId}`);
  }

  /**
   * Asked once at start, since a cluster keeps its id; `/info` must answer while Kafka is down,
   * so a failed lookup leaves the id empty and `info()` retries it in the background.
   */
  private refreshClusterId(): Promise<void> {
    this.clusterIdLookup ??= this.options.topics
      .clusterId()
      .then(
        (id) => void (this.kafkaClusterId = id),
        (error: unknown) => this.internals.logger.warn({ err: error }, 'the Kafka cluster id could not be read'),
      )
      .finally(() => (this.clusterIdLookup = undefined));
    return this.clusterIdLookup;
  }

  info(): Promise<EngineInfo> {
    if (this.started && this.kafkaClusterId === '') void this.refreshClusterId();
    return Promise.resolve({
      version: this.options.version ?? '0.1.0',
      kafkaClusterId: this.kafkaClusterId,
      ksqlServiceId: this.options.serviceId,
      serverStatus: this.started ? 'RUNNING' : 'STARTING',
    });
  }

  async health(): Promise<EngineHealth> {
    const kafka = await this.options.topics.describeTopic(processingLogTopic(this.options.serviceId)).then(() => true, () => false);
    const queries = this.metastore.listQueries().every((q) => queryState(q) !== 'ERROR');
    const commandRunner = this.started && this.options.commandLog.failure?.() === undefined;
    return {
      isHealthy: kafka && commandRunner && queries,
      details: {
        metastore: { isHealthy: true },
        kafka: { isHealthy: kafka },
        commandRunner: { isHealthy: commandRunner },
        queries: { isHealthy: queries },
      },
    };
  }

  status(commandId: string): Promise<CommandStatus | undefined> {
    return Promise.resolve(this.applied.status(commandId));
  }

  statuses(): Promise<Readonly<Record<string, CommandState>>> {
    return Promise.resolve(this.applied.statuses());
  }

  async queryMetrics(): Promise<readonly QueryMetrics[]> {
    const result: QueryMetrics[] = [];
    for (const query of this.metastore.listQueries()) {
      const m = query.run ? await query.run.metrics() : undefined;
      result.push({
        queryId: query.id,
        state: queryState(query),
        recordsIn: m?.recordsIn ?? 0,
        recordsOut: m?.recordsOut ?? 0,
        errors: m?.errors ?? 0,
        consumerLag: m?.consumerLag ?? 0,
        stateKeys: this.options.stateSize ? await this.stateKeys(query.spec) : 0,
      });
    }
    return result;
  }

  async connectorMetrics(): Promise<readonly ConnectorMetrics[]> {
    const connectors = this.options.connect ? await this.options.connect.list() : [];
    return connectors.map((c) => {
      const tasks: Record<string, number> = {};
      for (const task of c.tasks) tasks[task.state] = (tasks[task.state] ?? 0) + 1;
      return { name: c.name, type: c.type, state: c.state, tasks };
    });
  }

  private async stateKeys(spec: TopologySpec): Promise<number> {
    const partitions = await statePartitions(spec, this.options.topics);
    return this.options.stateSize ? this.options.stateSize.keys(spec, partitions).catch(() => 0) : 0;
  }

  /** Stops following the log and this process's queries; state and groups are kept. */
  async close(): Promise<void> {
    // A lookup still running would use the Kafka admin after its owner closed it.
    await this.clusterIdLookup;
    await this.transients.closeAll();
    if (this.stopFollowing) await this.stopFollowing();
    await this.applier.settled();
    for (const query of this.metastore.listQueries()) await query.run?.stop({ cleanUp: false }).catch(() => undefined);
    this.started = false;
  }

  private requireStarted(): void {
    if (!this.started) throw new EngineError(ErrorCodes.serviceUnavailable, 'The engine is starting', { retriable: true });
  }
}
