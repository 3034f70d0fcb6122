/**
 * Pull-query latency on the real stack: the same table answered from its state in Redis (a CTAS,
 * materialised) and from its topic (a plain CREATE TABLE over the CTAS's output topic, which no
 * query materialises, so the engine runs a bounded transient topology over it).
 * Prints p50/p99 per workload: key lookup and full scan.
 * Run: `npx tsx bench/engine/pull-query-bench.ts [--keys N] [--runs N] [--json]`
 */
import pino from 'pino';
import { createEngine, type RowQueryHandle } from '../../src/engine';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const KEYS = option('--keys', 1000);
const RUNS = option('--runs', 30);
const none = { streamsProperties: {}, sessionVariables: {} };
const earliest = { streamsProperties: { 'auto.offset.reset': 'earliest' }, sessionVariables: {} };

type Engine = Awaited<ReturnType<typeof createEngine>>;

async function pull(engine: Engine, sql: string): Promise<number> {
  const handle = (await engine.query(sql, none)) as RowQueryHandle;
  const rows: unknown[] = [];
  for await (const row of handle.rows) rows.push(row);
  return rows.length;
}

async function timed(engine: Engine, sql: string, runs: number): Promise<{ p50: number; p99: number; rows: number }> {
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    rows = await pull(engine, sql.replace('$KEY', `k${i % KEYS}`));
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), rows };
}

async function main(): Promise<void> {
  const serviceId = `bench_pull_${process.pid}_`;
  const engine = await createEngine(
    {
      bootstrapServers: process.env['BROOK_KAFKA'] ?? '127.0.0.1:9092',
      schemaRegistryUrl: process.env['BROOK_REGISTRY'] ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
      redisUrl: process.env['BROOK_REDIS'] ?? 'redis://127.0.0.1:6379',
      postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      serviceId,
      connectPort: 0,
      connectHost: '127.0.0.1',
    },
    { logger: pino({ level: 'warn' }) },
  );
  try {
    await engine.execute(`CREATE STREAM EVENTS (ID INT KEY, K STRING, V INT) WITH (KAFKA_TOPIC='${serviceId}events', VALUE_FORMAT='JSON', PARTITIONS=4);`, none);
    const inserts = Array.from({ length: KEYS * 2 }, (_, i) => `INSERT INTO EVENTS (ID, K, V) VALUES (${i}, 'k${i % KEYS}', ${i});`);
    for (let i = 0; i < inserts.length; i += 200) await engine.execute(inserts.slice(i, i + 200).join('\n'), none);
    await engine.execute(`CREATE TABLE TOTALS WITH (KAFKA_TOPIC='${serviceId}totals') AS SELECT K, COUNT(*) AS N, SUM(V) AS S FROM EVENTS GROUP BY K;`, earliest);
    for (;;) {
      if ((await pull(engine, 'SELECT * FROM TOTALS;')) === KEYS) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await engine.execute(`CREATE TABLE TOTALS_TOPIC (K STRING PRIMARY KEY, N BIGINT, S INT) WITH (KAFKA_TOPIC='${serviceId}totals', VALUE_FORMAT='JSON');`, none);
    const results = {
      keys: KEYS,
      stateLookup: await timed(engine, "SELECT * FROM TOTALS WHERE K = '$KEY';", RUNS),
      stateScan: await timed(engine, 'SELECT * FROM TOTALS;', Math.max(5, Math.floor(RUNS / 3))),
      topicLookup: await timed(engine, "SELECT * FROM TOTALS_TOPIC WHERE K = '$KEY';", Math.min(RUNS, 8)),
      topicScan: await timed(engine, 'SELECT * FROM TOTALS_TOPIC;', 4),
    };
    if (args.includes('--json')) console.log(JSON.stringify(results));
    else for (const [name, r] of Object.entries(results)) console.log(name, typeof r === 'number' ? r : `p50 ${r.p50} ms  p99 ${r.p99} ms  rows ${r.rows}`);
  } finally {
    await engine.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
