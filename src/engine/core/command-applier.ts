import { type CompiledStatement, parseStatement, type Statement } from '../../../sql';
import { formatSqlType } from '../../../topology/spec';
import type { Clock, EngineLogger, LoggedCommand, QueryRuntimePort } from '../ports';
import type { Command } from './command';
import { compileContext } from './compile-config';
import { checkDroppable } from './drop-rules';
import type { Metastore } from './metastore';
import type { PersistentQuery } from './persistent-query';
import { rejected } from './statement-errors';
import type { StatementCompiler } from './statement-compiler';

/** What applying one command did: the `/ksql` status of the statement. */
export interface AppliedCommand {
  readonly commandId: string;
  readonly message: string;
  readonly queryId: string | null;
}

export type ApplyOutcome =
  | { readonly ok: true; readonly applied: AppliedCommand }
  | { readonly ok: false; readonly error: unknown; readonly commandId: string };

export interface CommandApplierOptions {
  readonly metastore: Metastore;
  readonly compiler: StatementCompiler;
  readonly runtime: QueryRuntimePort;
  readonly serviceId: string;
  readonly clock: Clock;
  readonly logger: EngineLogger;
}

/**
 * Applies logged commands to the metastore and the runtime, in log order. Every engine of a
 * service applies every command, so application depends only on the command, its position
 * (query ids are numbered by it) and the metastore built from the commands before it. While
 * starts are deferred (the replay at start-up) queries are recorded but not started;
 * `startDeferred` then starts the survivors, so a query terminated later in the log never runs.
 */
export class CommandApplier {
  private deferStarts = true;
  /** Query starts in flight: a start joins a consumer group, which can wait for a rebalance. */
  private readonly starting = new Set<Promise<void>>();

  constructor(private readonly o: CommandApplierOptions) {}

  async apply({ seq, command }: LoggedCommand): Promise<ApplyOutcome> {
    let statement: Statement;
    try {
      statement = parseStatement(command.statement);
    } catch (error) {
      return { ok: false, error, commandId: `unknown/${seq}/execute` };
    }
    const commandId = commandIdOf(statement);
    try {
      return { ok: true, applied: await this.applyStatement(statement, seq, command, commandId) };
    } catch (error) {
      this.o.logger.warn({ seq, commandId, err: String(error) }, 'command not applied');
      return { ok: false, error, commandId };
    }
  }

  async startDeferred(): Promise<void> {
    this.deferStarts = false;
    for (const query of this.o.metastore.listQueries()) {
      if (!query.startError) this.startInBackground(query);
    }
    await this.settled();
  }

  /** Resolves once no query start is in flight (before stopping the queries). */
  async settled(): Promise<void> {
    while (this.starting.size > 0) await Promise.all([...this.starting]);
  }

  private startInBackground(query: PersistentQuery): void {
    const started = this.start(query).finally(() => this.starting.delete(started));
    this.starting.add(started);
  }

  private async applyStatement(statement: Statement, seq: number, command: Command, commandId: string): Promise<AppliedCommand> {
    switch (statement.kind) {
      case 'TerminateQuery':
        return this.applyTerminate(statement.queryId?.text, commandId);
      case 'PauseQuery':
      case 'ResumeQuery':
        return this.applyPauseResume(statement.kind === 'PauseQuery', statement.queryId?.text, commandId);
      default: {
        const ctx = compileContext(this.o.metastore, this.o.serviceId, command.properties, seq, command.statement, command.inferred);
        return this.applyCompiled(statement, this.o.compiler(statement, ctx), seq, command, commandId);
      }
    }
  }

  private async applyCompiled(statement: Statement, compiled: CompiledStatement, seq: number, command: Command, commandId: string): Promise<AppliedCommand> {
    const { metastore } = this.o;
    switch (compiled.kind) {
      case 'CreateSource':
        metastore.putSource(compiled.source);
        return status(commandId, `${label(compiled.source.kind)} created`);
      case 'AlterSource':
        metastore.putSource(compiled.source);
        return status(commandId, `${label(compiled.source.kind)} altered`);
      case 'DropSource': {
        const source = metastore.getSource(compiled.name);
        if (source && statement.kind === 'DropSource') checkDroppable(metastore, statement, source);
        metastore.dropSource(compiled.name);
        return status(commandId, `Source \`${compiled.name}\` (topic: ${compiled.topic}) was dropped.`);
      }
      case 'CreateType':
        metastore.putType(compiled.name, compiled.type);
        return status(commandId, `Registered custom type with name '${compiled.name}' and SQL type ${formatSqlType(compiled.type)}`);
      case 'DropType':
        metastore.dropType(compiled.name);
        return status(commandId, `Dropped type '${compiled.name}'`);
      case 'PersistentQuery':
        return this.applyQuery(compiled, seq, command, commandId);
      case 'NoOp':
        return status(commandId, compiled.reason);
      case 'TransientQuery':
      case 'InsertValues':
      case 'Explain':
      case 'Passthrough':
        throw rejected(`${statement.kind} statements are not recorded in the command log`);
    }
  }

  private async applyQuery(compiled: Extract<CompiledStatement, { kind: 'PersistentQuery' }>, seq: number, command: Command, commandId: string): Promise<AppliedCommand> {
    const { metastore } = this.o;
    const replaced = compiled.replace ? metastore.writersOf(compiled.sink.name).find((q) => q.kind !== 'INSERT') : undefined;
    if (replaced) {
      metastore.removeQuery(replaced.id);
      await replaced.run?.stop({ cleanUp: false });
    }
    const queryId = compiled.query.queryId;
    if (compiled.createsSink) metastore.putSource(compiled.sink);
    const query: PersistentQuery = {
      id: queryId,
      kind: compiled.statementType,
      statementText: command.statement,
      sink: compiled.sink.name,
      sinkTopic: compiled.sink.topic,
      sources: compiled.query.analysis.sources.map((s) => s.source.name),
      spec: compiled.query.topology,
      properties: command.properties,
      seq,
      desired: 'RUNNING',
    };
    metastore.addQuery(query);
    // Not awaited: joining the query's group can take a rebalance, and the commands after this
    // one (a PAUSE, the next CREATE) must not wait for it. `start` never throws.
    if (!this.deferStarts) this.startInBackground(query);
    return { commandId, message: `Created query with ID ${queryId}`, queryId };
  }

  private async applyTerminate(queryIdText: string | undefined, commandId: string): Promise<AppliedCommand> {
    const targets = this.targets(queryIdText);
    for (const query of targets) {
      this.o.metastore.removeQuery(query.id);
      await query.run?.stop({ cleanUp: true });
    }
    return status(commandId, 'Query terminated.', queryIdText === undefined ? null : (targets[0]?.id ?? null));
  }

  private async applyPauseResume(pause: boolean, queryIdText: string | undefined, commandId: string): Promise<AppliedCommand> {
    const targets = this.targets(queryIdText);
    for (const query of targets) {
      query.desired = pause ? 'PAUSED' : 'RUNNING';
      if (pause) await query.run?.pause();
      else await query.run?.resume();
    }
    return status(commandId, pause ? 'Query paused.' : 'Query resumed.', queryIdText === undefined ? null : (targets[0]?.id ?? null));
  }

  private targets(queryIdText: string | undefined): readonly PersistentQuery[] {
    if (queryIdText === undefined) return this.o.metastore.listQueries();
    const query = this.o.metastore.getQuery(queryIdText);
    if (!query) throw rejected(`Unknown queryId: ${queryIdText}`);
    return [query];
  }

  private async start(query: PersistentQuery): Promise<void> {
    if (query.run || query.starting) return;
    query.starting = true;
    try {
      const run = await this.o.runtime.startPersistent(query.spec, query.properties);
      if (this.o.metastore.getQuery(query.id) !== query) {
        // Terminated (or replaced) while it was starting.
        await run.stop({ cleanUp: true });
        return;
      }
      query.run = run;
      if (query.desired === 'PAUSED') await run.pause();
    } catch (error) {
      query.startError = { message: error instanceof Error ? error.message : String(error), timestamp: this.o.clock.now() };
      this.o.logger.error({ queryId: query.id, err: query.startError.message }, 'query failed to start');
    } finally {
      query.starting = false;
    }
  }
}

function status(commandId: string, message: string, queryId: string | null = null): AppliedCommand {
  return { commandId, message, queryId };
}

function label(kind: 'STREAM' | 'TABLE'): string {
  return kind === 'STREAM' ? 'Stream' : 'Table';
}

/** ksqlDB's command ids: `stream/NAME/create`, `table/NAME/drop`, `terminate/ID/execute`, ... */
export function commandIdOf(statement: Statement): string {
  switch (statement.kind) {
    case 'CreateSource':
    case 'CreateAsSelect':
      return `${statement.sourceType.toLowerCase()}/${statement.name.name}/create`;
    case 'DropSource':
      return `${statement.sourceType.toLowerCase()}/${statement.name.name}/drop`;
    case 'AlterSource':
      return `${statement.sourceType.toLowerCase()}/${statement.name.name}/alter`;
    case 'InsertInto':
      return `stream/${statement.target.name}/create`;
    case 'CreateType':
      return `type/${statement.name.name}/create`;
    case 'DropType':
      return `type/${statement.name.name}/drop`;
    case 'TerminateQuery':
      return `terminate/${statement.queryId?.text ?? 'ALL'}/execute`;
    case 'PauseQuery':
      return `pause/${statement.queryId?.text ?? 'ALL'}/execute`;
    case 'ResumeQuery':
      return `resume/${statement.queryId?.text ?? 'ALL'}/execute`;
    default:
      return `${statement.kind.toLowerCase()}/execute`;
  }
}
