import { type AssertSchema, type AssertTopic, type Duration, durationMillis } from '../core/sql-ast';
import type { KsqlEntity } from '../engine-port';
import type { StatementRun } from '../core/engine-internals';
import { rejected } from '../core/statement-errors';

const DEFAULT_TIMEOUT_MS = 1_000;
const POLL_MS = 100;

/** ASSERT [NOT EXISTS] TOPIC name [WITH (PARTITIONS=n, REPLICAS=n)] [TIMEOUT d]. */
export async function executeAssertTopic(run: StatementRun<AssertTopic>): Promise<KsqlEntity> {
  const { statement, engine, text } = run;
  const name = statement.topic.name;
  const wanted = new Map(statement.properties.map((p) => [p.key, p.value.kind === 'StringLiteral' ? p.value.value : 'text' in p.value ? p.value.text : String(p.value.value)]));
  const ok = await poll(timeoutMs(statement.timeout), async () => {
    const info = await engine.topics.describeTopic(name);
    if (!statement.exists) return info === undefined;
    if (!info) return false;
    const partitions = wanted.get('PARTITIONS');
    const replicas = wanted.get('REPLICAS');
    return (partitions === undefined || Number(partitions) === info.partitions) && (replicas === undefined || Number(replicas) === info.replicas);
  });
  if (!ok) {
    throw rejected(statement.exists ? `Topic ${name} does not exist or does not match the expected configuration` : `Topic ${name} exists`);
  }
  return { statementText: text, warnings: [], '@type': 'warning_entity', message: `Topic ${name} ${statement.exists ? 'exists' : 'does not exist'}` };
}

/** ASSERT [NOT EXISTS] SCHEMA [SUBJECT s] [ID n] [TIMEOUT d]. */
export async function executeAssertSchema(run: StatementRun<AssertSchema>): Promise<KsqlEntity> {
  const { statement, text } = run;
  const subject = statement.subject?.name;
  const what = `Schema${subject === undefined ? '' : ` with subject ${subject}`}${statement.id === undefined ? '' : ` id ${statement.id}`}`;
  const ok = await poll(timeoutMs(statement.timeout), async () => (await schemaExists(run, subject, statement.id)) === statement.exists);
  if (!ok) throw rejected(statement.exists ? `${what} does not exist` : `${what} exists`);
  return { statementText: text, warnings: [], '@type': 'warning_entity', message: `${what} ${statement.exists ? 'exists' : 'does not exist'}` };

}

async function schemaExists(run: StatementRun, subject: string | undefined, id: number | undefined): Promise<boolean> {
  if (subject !== undefined) {
    const latest = await run.engine.registry.latest(subject);
    return latest !== undefined && (id === undefined || latest.id === id);
  }
  if (id === undefined) return false;
  return run.engine.registry.schemaById(id).then(
    () => true,
    () => false,
  );
}

function timeoutMs(timeout: Duration | undefined): number {
  return timeout === undefined ? DEFAULT_TIMEOUT_MS : durationMillis(timeout);
}

/** Checks until true, at most once per POLL_MS for the timeout (counted in attempts, not clock time). */
async function poll(timeout: number, check: () => Promise<boolean>): Promise<boolean> {
  const attempts = Math.max(1, Math.ceil(timeout / POLL_MS));
  for (let i = 0; ; i++) {
    if (await check()) return true;
    if (i + 1 >= attempts) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
