import type { SourceDefinition } from '../../../sql';
import { type AlterSource, type CreateAsSelect, type CreateSource, type CreateType, type DropSource, type DropType, type InsertInto, type PauseQuery, type ResumeQuery, type TerminateQuery } from '../core/sql-ast';
import type { CurrentStatusEntity } from '../engine-port';
import type { StatementRun, SubmittedCommand } from '../core/engine-internals';
import { checkDroppable } from '../core/drop-rules';
import { rejected } from '../core/statement-errors';
import { expectCompiled } from '../core/statement-compiler';
import { inferSourceColumns } from './source-inference';

/** CREATE [OR REPLACE] [SOURCE] STREAM|TABLE: infer columns, validate, create the topic, log. */
export async function executeCreateSource(run: StatementRun<CreateSource>): Promise<CurrentStatusEntity> {
  const { statement, engine, session, text } = run;
  const inferred = await inferSourceColumns(statement, engine.registry, (t) => engine.topicNames.toPhysical(t));
  const compiled = expectCompiled(engine.compiler(statement, engine.compileContext(session, text, inferred)), 'CreateSource', 'NoOp');
  if (compiled.kind === 'CreateSource') await ensureTopic(run, compiled.source);
  return submittedEntity(text, await engine.submit(text, session, inferred));
}

/** CSAS / CTAS / INSERT INTO ... SELECT: validate, create the sink topic, log; every engine starts it. */
export async function executePersistentQuery(run: StatementRun<CreateAsSelect | InsertInto>): Promise<CurrentStatusEntity> {
  const { statement, engine, session, text } = run;
  const compiled = expectCompiled(engine.compiler(statement, engine.compileContext(session, text)), 'PersistentQuery', 'NoOp');
  if (compiled.kind === 'PersistentQuery' && compiled.createsSink) {
    const inputTopic = compiled.query.topology.sources[0]?.topic;
    const inputPartitions = inputTopic ? (await engine.topics.describeTopic(inputTopic))?.partitions : undefined;
    await engine.topics.createTopic({
      name: compiled.sink.topic,
      partitions: compiled.sink.partitions ?? inputPartitions ?? 1,
      ...(compiled.sink.replicas === undefined ? {} : { replicas: compiled.sink.replicas }),
    });
  }
  return submittedEntity(text, await engine.submit(text, session));
}

/** ALTER STREAM|TABLE ... ADD COLUMN: validated by the compiler, applied from the log. */
export async function executeAlterSource(run: StatementRun<AlterSource>): Promise<CurrentStatusEntity> {
  const { statement, engine, session, text } = run;
  engine.compiler(statement, engine.compileContext(session, text));
  return submittedEntity(text, await engine.submit(text, session));
}

/** DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]. */
export async function executeDropSource(run: StatementRun<DropSource>): Promise<CurrentStatusEntity> {
  const { statement, engine, session, text } = run;
  engine.compiler(statement, engine.compileContext(session, text));
  const source = engine.metastore.getSource(statement.name.name);
  if (source) checkDroppable(engine.metastore, statement, source);
  const submitted = await engine.submit(text, session);
  if (source && statement.deleteTopic) {
    await engine.topics.deleteTopic(source.topic);
    const physical = engine.topicNames.toPhysical(source.topic);
    for (const side of ['key', 'value']) await engine.registry.deleteSubject(`${physical}-${side}`);
  }
  return submittedEntity(text, submitted);
}

export async function executeTypeStatement(run: StatementRun<CreateType | DropType>): Promise<CurrentStatusEntity> {
  const { statement, engine, session, text } = run;
  if (statement.kind === 'DropType' && !engine.metastore.getType(statement.name.name) && !statement.ifExists) {
    throw rejected(`Type ${statement.name.name} does not exist.`);
  }
  engine.compiler(statement, engine.compileContext(session, text));
  return submittedEntity(text, await engine.submit(text, session));
}

/** TERMINATE / PAUSE / RESUME [query id | ALL]. */
export async function executeQueryControl(run: StatementRun<TerminateQuery | PauseQuery | ResumeQuery>): Promise<CurrentStatusEntity> {
  const { statement, engine, session, text } = run;
  const id = statement.queryId?.text;
  if (id !== undefined && !engine.metastore.getQuery(id)) {
    throw rejected(`Unknown queryId: ${id}`);
  }
  return submittedEntity(text, await engine.submit(text, session));
}

/** Creates the source's topic when missing; without PARTITIONS a missing topic is an error. */
async function ensureTopic(run: StatementRun<CreateSource>, source: SourceDefinition): Promise<void> {
  const { engine, statement } = run;
  if (await engine.topics.describeTopic(source.topic)) return;
  const declaresPartitions = statement.properties.some((p) => p.key === 'PARTITIONS');
  if (!declaresPartitions || source.partitions === undefined) {
    throw rejected(
      `Topic '${source.topic}' does not exist. If you want to create a new topic for the ${source.kind.toLowerCase()} ` +
        "please re-run the statement providing the required 'PARTITIONS' configuration in the WITH clause (and optionally 'REPLICAS'). " +
        'For example: CREATE STREAM FOO (ID INT, VAL STRING) WITH (KAFKA_TOPIC=\'foo\', PARTITIONS=1, VALUE_FORMAT=\'JSON\');',
    );
  }
  await engine.topics.createTopic({
    name: source.topic,
    partitions: source.partitions,
    ...(source.replicas === undefined ? {} : { replicas: source.replicas }),
  });
}

export function submittedEntity(statementText: string, submitted: SubmittedCommand): CurrentStatusEntity {
  return {
    '@type': 'currentStatus',
    statementText,
    warnings: [],
    commandId: submitted.commandId,
    commandStatus: { status: 'SUCCESS', message: submitted.message, queryId: submitted.queryId },
    commandSequenceNumber: submitted.seq,
  };
}
