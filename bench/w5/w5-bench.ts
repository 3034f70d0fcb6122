/**
 * W5: CDC -> topic -> JDBC sink upserts. Rows are inserted into a Postgres table; Brook's
 * Debezium-compatible source streams them, ExtractNewRecordState
 * unwraps them and the JDBC sink upserts them into a gold table whose `landed_ms` default
 * stamps the arrival. Records are JSON with inline schemas (`--format avro`: Avro through the
 * schema registry). Freshness = landed_ms - committed_ms (one server clock). The baseline is a
 * raw pgoutput -> kafkajs -> pg loop measured in the same run; its records are the bare row as
 * JSON (~55 bytes), Brook's the Debezium envelope with its schema (~2.9 KB).
 *
 * Two phases on Brook: a burst (`--events` rows as fast as Postgres takes them, transactions of
 * `--batch`) gives the peak rate `eventsPerSec` and the burst's freshness `p50Ms`/`p99Ms` (mostly
 * queueing behind the burst); then a paced phase at half that peak (`--paced-seconds` long,
 * transactions of `--paced-batch` on a fixed schedule) gives the freshness the target speaks of,
 * `halfPeakP50Ms`/`halfPeakP99Ms`.
 *
 *   npx tsx bench/w5/w5-bench.ts [--events 20000] [--batch 200] [--paced-seconds 5]
 *     [--paced-batch 50] [--format json|avro] [--json]
 */
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { startConnectRuntime } from '../../connectors';
import { startRawLoop } from './raw-loop';
import {
  BROKERS,
  REGISTRY,
  dropReplication,
  landed,
  percentile,
  pgClient,
  prepareTables,
  waitForRows,
  writeOrders,
  writeOrdersPaced,
} from './workload';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const events = arg('events', 20000);
const batch = arg('batch', 200);
const pacedSeconds = arg('paced-seconds', 5);
const pacedBatch = arg('paced-batch', 50);
const json = args.includes('--json');
const formatIndex = args.indexOf('--format');
const format = formatIndex >= 0 ? args[formatIndex + 1] : 'json';
if (format !== 'json' && format !== 'avro')
  throw new Error(`--format is json or avro, not ${format}`);
/** The converters both connectors use: JSON with inline schemas, or Avro through the registry. */
const converters: Record<string, string> =
  format === 'avro'
    ? {
        'key.converter': 'io.confluent.connect.avro.AvroConverter',
        'value.converter': 'io.confluent.connect.avro.AvroConverter',
      }
    : {
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      };

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

/** Drops an earlier run's topics and consumer groups (a group's old offsets would skip records). */
async function deleteTopics(prefixes: readonly string[], groups: readonly string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'w5-admin',
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => prefixes.some((p) => t.startsWith(p)));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  await admin.deleteGroups([...groups]).catch(() => undefined);
  await admin.disconnect();
}

interface BrookRun {
  readonly eventsPerSec: number;
  /** This process's CPU (worker, writer, polling) per event over the burst, and its share of one core. */
  readonly cpuUsPerEvent: number;
  readonly cpuShare: number;
  readonly latencies: number[];
  readonly halfPeak: { readonly ratePerSec: number; readonly events: number; latencies: number[] };
}

async function runBrook(): Promise<BrookRun> {
  const schema = 'brook_w5';
  const db = await pgClient();
  await dropReplication(db, 'brook_w5_slot', 'brook_w5_pub');
  await deleteTopics(['brook-w5', 'brookw5'], ['connect-w5-sink']);
  await prepareTables(db, schema);
  const topic = `brookw5.${schema}.orders`;
  const admin = new Kafka({
    clientId: 'w5-admin',
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const runtime = await startConnectRuntime({
    workerProps: {
      'bootstrap.servers': BROKERS.join(','),
      'group.id': 'brook-w5-worker',
      'config.storage.topic': 'brook-w5-configs',
      'offset.storage.topic': 'brook-w5-offsets',
      'status.storage.topic': 'brook-w5-status',
      'key.converter.schema.registry.url': REGISTRY,
      'value.converter.schema.registry.url': REGISTRY,
    },
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: process.env['BROOK_BENCH_LOG'] ?? 'silent' }),
  });
  try {
    const put = (name: string, config: Record<string, string>) =>
      fetch(`${runtime.url}/connectors/${name}/config`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(config),
      });
    await put('w5-cdc', {
      'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
      'database.hostname': '127.0.0.1',
      'database.user': 'postgres',
      'database.dbname': 'postgres',
      'topic.prefix': 'brookw5',
      'slot.name': 'brook_w5_slot',
      'publication.name': 'brook_w5_pub',
      'publication.autocreate.mode': 'filtered',
      'table.include.list': `${schema}.orders`,
      'snapshot.mode': 'never',
      'max.batch.size': '250',
      ...converters,
      'poll.interval.ms': '20',
      'slot.drop.on.stop': 'true',
    });
    await put('w5-sink', {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': 'jdbc:postgresql://127.0.0.1:5432/postgres',
      'connection.user': 'postgres',
      topics: topic,
      'table.name.format': `${schema}.orders_gold`,
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'delete.enabled': 'true',
      ...converters,
      transforms: 'unwrap',
      'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
    });
    await waitForSlot(db, 'brook_w5_slot');
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await writeOrders(db, schema, events, batch);
    await waitForRows(db, schema, events, 120_000);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallBefore;
    const l = await landed(db, schema, 1, events);
    const eventsPerSec = (l.count * 1000) / Math.max(1, l.lastLanded - l.firstCommitted);
    const ratePerSec = eventsPerSec / 2;
    const pacedEvents = Math.max(pacedBatch, Math.round(ratePerSec * pacedSeconds));
    await writeOrdersPaced(db, schema, events + 1, pacedEvents, pacedBatch, ratePerSec);
    await waitForRows(db, schema, events + pacedEvents, 120_000);
    const paced = await landed(db, schema, events + 1);
    return {
      eventsPerSec,
      cpuUsPerEvent: (cpu.user + cpu.system) / events,
      cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
      latencies: l.latencies,
      halfPeak: { ratePerSec, events: pacedEvents, latencies: paced.latencies },
    };
  } finally {
    await runtime.stop();
    await dropReplication(db, 'brook_w5_slot', 'brook_w5_pub');
    await db.end();
  }
}

async function waitForSlot(db: Awaited<ReturnType<typeof pgClient>>, slot: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const r = await db.query<{ active: boolean }>(
      'SELECT active FROM pg_replication_slots WHERE slot_name = $1',
      [slot],
    );
    if (r.rows[0]?.active === true) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`slot ${slot} never became active`);
}

async function runBaseline(): Promise<number> {
  const schema = 'brook_w5_raw';
  const db = await pgClient();
  await dropReplication(db, 'brook_w5_raw_slot', 'brook_w5_raw_pub');
  await deleteTopics(['brook-w5-raw'], ['brook-w5-raw.orders-sink']);
  await prepareTables(db, schema);
  const loop = await startRawLoop(
    schema,
    'brook_w5_raw_slot',
    'brook_w5_raw_pub',
    'brook-w5-raw.orders',
  );
  try {
    await waitForSlot(db, 'brook_w5_raw_slot');
    await writeOrders(db, schema, events, batch);
    await waitForRows(db, schema, events, 120_000);
    const l = await landed(db, schema);
    return (l.count * 1000) / Math.max(1, l.lastLanded - l.firstCommitted);
  } finally {
    await loop.stop();
    await dropReplication(db, 'brook_w5_raw_slot', 'brook_w5_raw_pub');
    await db.end();
  }
}

async function main(): Promise<void> {
  const brook = await runBrook();
  const baseline = await runBaseline();
  clearInterval(rssTimer);
  const result = {
    workload: 'W5',
    format,
    events,
    eventsPerSec: Math.round(brook.eventsPerSec),
    baselineEventsPerSec: Math.round(baseline),
    ratio: Number((brook.eventsPerSec / baseline).toFixed(3)),
    p50Ms: percentile(brook.latencies, 50),
    p99Ms: percentile(brook.latencies, 99),
    halfPeakRatePerSec: Math.round(brook.halfPeak.ratePerSec),
    halfPeakEvents: brook.halfPeak.events,
    halfPeakP50Ms: percentile(brook.halfPeak.latencies, 50),
    halfPeakP99Ms: percentile(brook.halfPeak.latencies, 99),
    cpuUsPerEvent: Math.round(brook.cpuUsPerEvent),
    cpuShareOfCore: Number(brook.cpuShare.toFixed(2)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `W5 CDC -> topic -> JDBC upserts: ${result.eventsPerSec} rows/s (baseline raw pgoutput->kafkajs->pg ${result.baselineEventsPerSec} rows/s, ratio ${result.ratio}); burst freshness p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; at half the peak (${result.halfPeakRatePerSec} rows/s) p50 ${result.halfPeakP50Ms} ms, p99 ${result.halfPeakP99Ms} ms; peak RSS ${result.peakRssMb} MB\n`,
    );
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
