import { Client } from 'pg';

/** The W5 workload: orders inserted into a source table, landing in a gold table by upsert. */
export const PG_URL =
  process.env['BROOK_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BROKERS = (process.env['BROOK_BENCH_KAFKA'] ?? '127.0.0.1:9092').split(',');
export const REGISTRY =
  process.env['BROOK_BENCH_REGISTRY'] ?? 'http://127.0.0.1:8081/apis/ccompat/v7';

export async function pgClient(): Promise<Client> {
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  return c;
}

/** Drops and recreates the schema, the source table and the gold table with a landing clock. */
export async function prepareTables(db: Client, schema: string): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.query(`CREATE SCHEMA ${schema}`);
  await db.query(
    `CREATE TABLE ${schema}.orders (id int PRIMARY KEY, amount numeric(12,2) NOT NULL, committed_ms bigint NOT NULL)`,
  );
  await db.query(
    `CREATE TABLE ${schema}.orders_gold (id int PRIMARY KEY, amount numeric(12,2), committed_ms bigint,
       landed_ms bigint DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint)`,
  );
}

/** Inserts `events` rows in transactions of `batch`, each stamped with the server clock. */
export async function writeOrders(
  db: Client,
  schema: string,
  events: number,
  batch: number,
): Promise<void> {
  for (let start = 1; start <= events; start += batch) {
    const end = Math.min(events, start + batch - 1);
    await db.query(
      `INSERT INTO ${schema}.orders
       SELECT g, (g % 1000) + 0.25, (extract(epoch FROM clock_timestamp()) * 1000)::bigint
         FROM generate_series($1::int, $2::int) g`,
      [start, end],
    );
  }
}

export interface Landed {
  readonly count: number;
  readonly firstCommitted: number;
  readonly lastLanded: number;
  readonly latencies: number[];
}

/** The landed rows with ids in [fromId, toId]. */
/**
 * Inserts rows `firstId`..`firstId + events - 1` at `ratePerSec`, in transactions of `batch`
 * started on a fixed schedule (a late transaction does not push the later ones back).
 */
export async function writeOrdersPaced(
  db: Client,
  schema: string,
  firstId: number,
  events: number,
  batch: number,
  ratePerSec: number,
): Promise<void> {
  const started = Date.now();
  for (let done = 0; done < events; done += batch) {
    const due = started + (done * 1000) / ratePerSec;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    const start = firstId + done;
    const end = firstId + Math.min(events, done + batch) - 1;
    await db.query(
      `INSERT INTO ${schema}.orders
       SELECT g, (g % 1000) + 0.25, (extract(epoch FROM clock_timestamp()) * 1000)::bigint
         FROM generate_series($1::int, $2::int) g`,
      [start, end],
    );
  }
}

export async function landed(
  db: Client,
  schema: string,
  fromId = 1,
  toId = 2 ** 31 - 1,
): Promise<Landed> {
  const r = await db.query<{ committed_ms: string; landed_ms: string }>(
    `SELECT committed_ms, landed_ms FROM ${schema}.orders_gold WHERE id BETWEEN $1 AND $2`,
    [fromId, toId],
  );
  const latencies = r.rows
    .map((x) => Number(x.landed_ms) - Number(x.committed_ms))
    .sort((a, b) => a - b);
  return {
    count: r.rows.length,
    firstCommitted: Math.min(...r.rows.map((x) => Number(x.committed_ms))),
    lastLanded: Math.max(...r.rows.map((x) => Number(x.landed_ms))),
    latencies,
  };
}

export async function waitForRows(
  db: Client,
  schema: string,
  events: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.orders_gold`);
    if (Number(r.rows[0]!.n) >= events) return;
    if (Date.now() > deadline)
      throw new Error(`timed out: ${r.rows[0]!.n}/${events} rows landed in ${schema}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Drops a slot and a publication left by an earlier run. */
export async function dropReplication(
  db: Client,
  slot: string,
  publication: string,
): Promise<void> {
  await db.query(
    'SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = $1 AND active_pid IS NOT NULL',
    [slot],
  );
  for (let i = 0; i < 20; i++) {
    try {
      await db.query(
        'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
        [slot],
      );
      break;
    } catch {
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  await db.query(`DROP PUBLICATION IF EXISTS ${publication}`);
}
