import type { Consumer } from 'kafkajs';
import { dropSlot, pgSqlPool, type PgPool } from '../../../connectors';
import { eventually, http, kafka, pg, schemaFor } from '../connectors/connect-harness';

export {
  eventually,
  http,
  kafka,
  pg,
  startWorker,
  uniqueName,
} from '../connectors/connect-harness';

/** A schema, slot and publication unique to one test, all dropped by `cleanup`. */
export interface CdcScope {
  readonly label: string;
  readonly schema: string;
  readonly slot: string;
  readonly publication: string;
  readonly prefix: string;
  readonly db: PgPool;
  cleanup(): Promise<void>;
}

export async function cdcScope(label: string): Promise<CdcScope> {
  const schema = schemaFor(label);
  const db = pg();
  await db.query(`CREATE SCHEMA ${schema}`);
  const scope = {
    label,
    schema,
    slot: `${schema}_slot`,
    publication: `${schema}_pub`,
    prefix: schema.replace(/_/g, '-'),
    db,
    async cleanup() {
      const sql = pgSqlPool({ url: 'jdbc:postgresql://127.0.0.1:5432/postgres', user: 'postgres' });
      await dropSlot(sql, scope.slot).catch(() => undefined);
      await sql.end();
      await db.query(`DROP PUBLICATION IF EXISTS ${scope.publication}`).catch(() => undefined);
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await db.end();
    },
  };
  return scope;
}

/** Debezium connector props for a scope (JSON with schemas, so tests see schema and payload). */
export function cdcProps(
  scope: CdcScope,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'plugin.name': 'pgoutput',
    'database.hostname': '127.0.0.1',
    'database.port': '5432',
    'database.user': 'postgres',
    'database.password': '',
    'database.dbname': 'postgres',
    'topic.prefix': scope.prefix,
    'slot.name': scope.slot,
    'publication.name': scope.publication,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `${scope.schema}\\..*`,
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'poll.interval.ms': '50',
    ...extra,
  };
}

/** Creates missing topics (one partition): sink tasks subscribe before any source produced. */
export async function ensureTopics(topics: readonly string[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length > 0)
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: 1 })),
    });
  await admin.disconnect();
}

export interface TopicRecord {
  readonly key: unknown;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly offset: string;
}

/** Reads a topic from the beginning in the background; `until` waits for a condition on it. */
export class TopicReader {
  readonly records: TopicRecord[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async open(topics: readonly string[] | RegExp, group: string): Promise<TopicReader> {
    if (Array.isArray(topics)) await ensureTopics(topics);
    const consumer = kafka().consumer({ groupId: group, maxWaitTimeInMs: 100 });
    await consumer.connect();
    const subscription: (string | RegExp)[] = topics instanceof RegExp ? [topics] : [...topics];
    await consumer.subscribe({ topics: subscription, fromBeginning: true });
    const reader = new TopicReader(consumer);
    await consumer.run({
      eachMessage: ({ message }) => {
        const parse = (b: Buffer | null) => {
          if (b === null) return null;
          try {
            return JSON.parse(b.toString('utf8')) as unknown;
          } catch {
            return b.toString('utf8');
          }
        };
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          headers[k] = v === undefined ? '' : String(v);
        reader.records.push({
          key: parse(message.key),
          value: parse(message.value),
          headers,
          offset: message.offset,
        });
        return Promise.resolve();
      },
    });
    return reader;
  }

  async until<T>(
    what: string,
    check: (records: readonly TopicRecord[]) => T | undefined,
    timeoutMs = 30_000,
  ): Promise<T> {
    return eventually(what, () => Promise.resolve(check(this.records)), timeoutMs, 50);
  }

  close(): Promise<void> {
    return this.consumer.disconnect();
  }
}

export async function putConnector(
  base: string,
  name: string,
  props: Record<string, string>,
): Promise<void> {
  const r = await http(base, 'PUT', `/connectors/${name}/config`, props);
  if (r.status >= 300)
    throw new Error(`PUT connector failed: ${r.status} ${JSON.stringify(r.body)}`);
}

export async function waitRunning(base: string, name: string): Promise<void> {
  await eventually(`${name} running`, async () => {
    const r = await http(base, 'GET', `/connectors/${name}/status`);
    const body = r.body as { tasks?: { state: string; trace?: string }[] } | null;
    const task = body?.tasks?.[0];
    if (task?.state === 'FAILED') throw new Error(`task failed: ${task.trace}`);
    return task?.state === 'RUNNING' ? true : undefined;
  });
}

/** The payload of a JSON-with-schemas record value. */
export function payload(value: unknown): Record<string, unknown> {
  return (value as { payload: Record<string, unknown> }).payload;
}
