/**
 * W2-style benchmark: one windowed aggregation over many keys, run by the task runner on the
 * real broker and Redis, next to peers measured in the same run on the same input topic:
 *   raw         kafkajs consume -> JSON decode -> JSON encode -> produce (the client's limit)
 *   raw+redis   the same loop plus, per batch, one HMGET and one MULTI/EXEC on Redis
 *   runner      CREATE TABLE ... WINDOW TUMBLING ... GROUP BY <value column> (a repartition)
 * Each reads the same preloaded backlog; events/s = input events / time to drain it.
 * Run: `npx tsx bench/runtime/windowed-aggregation-bench.ts [--events N] [--keys K] [--json]`
 * (`--runner-only` skips the peers, for profiling).
 */
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { compileScript } from '../../sql';
import {
  kafkajsClient,
  startQuery,
  createSerdeFactory,
  type KafkaClientPort,
} from '../../topology';
import { connectRedis, RedisBackendFactory } from '../../topology/state/redis';

interface Figure {
  readonly name: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssMb: number;
}

const BROKERS = [process.env['BROOK_KAFKA'] ?? '127.0.0.1:9092'];
const REDIS_URL = process.env['BROOK_REDIS'] ?? 'redis://127.0.0.1:6379';
const PARTITIONS = 3;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1] ?? fallback) : fallback;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

async function preload(
  kafka: KafkaClientPort,
  topic: string,
  events: number,
  keys: number,
): Promise<void> {
  const producer = kafka.producer({ batchSize: 5_000 });
  const t0 = 1_700_000_000_000;
  for (let i = 0; i < events; i++) {
    const value = {
      USER_ID: `user-${(i * 7919) % keys}`,
      AMOUNT: (i % 100) + 0.5,
      PAGE: `/p/${i % 50}`,
    };
    producer.send({
      topic,
      key: Buffer.from(`e${i}`),
      value: Buffer.from(JSON.stringify(value)),
      timestamp: t0 + i * 5,
    });
  }
  await producer.flush();
  await producer.close();
}

async function rawLoop(
  name: string,
  input: string,
  output: string,
  events: number,
  redis: Redis | null,
): Promise<Figure> {
  const kafka = new Kafka({
    clientId: `bench-${name}`,
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `${input}-${name}`, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: input, fromBeginning: true });
  let seen = 0;
  const started = performance.now();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const messages = batch.messages.map((m) => {
        const row = JSON.parse(m.value!.toString()) as { USER_ID: string; AMOUNT: number };
        return {
          key: row.USER_ID,
          value: JSON.stringify({ USER_ID: row.USER_ID, AMOUNT: row.AMOUNT }),
        };
      });
      if (redis) {
        const hash = `bench:${input}:${batch.partition}`;
        await redis.hmget(hash, ...messages.map((m) => m.key));
        const multi = redis.multi();
        for (const m of messages) multi.hset(hash, m.key, m.value);
        await multi.exec();
      }
      await producer.send({ topic: output, messages });
      seen += messages.length;
      if (seen >= events) finish();
    },
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  await producer.disconnect();
  if (redis) await redis.del(...[...Array(PARTITIONS).keys()].map((p) => `bench:${input}:${p}`));
  return figure(name, events, seconds);
}

async function runnerLoop(
  kafka: KafkaClientPort,
  input: string,
  run: string,
  events: number,
): Promise<{ figure: Figure; cleanup: string[] }> {
  const serviceId = `${run}_`;
  const sink = `${run}_per_user`;
  await kafka.admin().createTopics([{ name: sink, partitions: PARTITIONS }]);
  const script = `CREATE STREAM EVENTS (ID STRING KEY, USER_ID STRING, AMOUNT DOUBLE, PAGE STRING)
      WITH (kafka_topic='${input}', value_format='JSON');
    CREATE TABLE PER_USER WITH (kafka_topic='${sink}') AS
      SELECT USER_ID, COUNT(*) AS CNT, SUM(AMOUNT) AS TOTAL FROM EVENTS
      WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY USER_ID EMIT CHANGES;`;
  const compiled = compileScript(script, { config: { 'ksql.service.id': serviceId } });
  const last = compiled[compiled.length - 1]!.compiled;
  if (last.kind !== 'PersistentQuery') throw new Error('expected a persistent query');
  const spec = last.query.topology;
  const redis = connectRedis(REDIS_URL);
  const started = performance.now();
  const handle = await startQuery({
    spec,
    serviceId,
    kafka,
    backends: new RedisBackendFactory({ redis, keyPrefix: `${run}:` }),
    serdes: createSerdeFactory({}),
    properties: { 'auto.offset.reset': 'earliest', 'commit.interval.ms': '2000' },
  });
  // Input events plus their repartitioned copies: both pass through the runner.
  while (handle.metrics().recordsIn < 2 * events) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  await handle.stop();
  await redis.deleteMatching(`${run}:*`);
  await redis.close();
  return {
    figure: figure('runner (windowed aggregation)', events, seconds),
    cleanup: [sink, ...spec.internalTopics.map((t) => t.name), `${serviceId}ksql_processing_log`],
  };
}

function figure(name: string, events: number, seconds: number): Figure {
  return {
    name,
    events,
    seconds: Number(seconds.toFixed(2)),
    eventsPerSecond: Math.round(events / seconds),
    peakRssMb: Math.round(peakRss / 1e6),
  };
}

async function main(): Promise<void> {
  const events = flag('--events', 100_000);
  const keys = flag('--keys', 5_000);
  const run = `bench_${process.pid}_${Date.now().toString(36)}`;
  const input = `${run}_events`;
  const kafka = kafkajsClient({ brokers: BROKERS, clientId: 'brook-bench' });
  const scratch = [input, `${input}_raw_out`, `${input}_redis_out`];
  await kafka.admin().createTopics(scratch.map((name) => ({ name, partitions: PARTITIONS })));
  let cleanup: string[] = [];
  try {
    await preload(kafka, input, events, keys);
    const figures: Figure[] = [];
    if (!process.argv.includes('--runner-only')) {
      const redis = new Redis(REDIS_URL);
      figures.push(await rawLoop('raw', input, `${input}_raw_out`, events, null));
      figures.push(await rawLoop('raw+redis', input, `${input}_redis_out`, events, redis));
      await redis.quit();
    }
    const runner = await runnerLoop(kafka, input, run, events);
    cleanup = runner.cleanup;
    figures.push(runner.figure);
    if (process.argv.includes('--json'))
      console.log(JSON.stringify({ events, keys, partitions: PARTITIONS, figures }));
    else {
      console.log(
        `windowed aggregation bench: ${events} events, ${keys} keys, ${PARTITIONS} partitions`,
      );
      for (const f of figures)
        console.log(
          `${f.name.padEnd(32)} ${String(f.eventsPerSecond).padStart(8)} events/s  ${f.seconds}s  peak RSS ${f.peakRssMb} MB`,
        );
    }
  } finally {
    await kafka.admin().deleteTopics([...scratch, ...cleanup]);
    await kafka.close();
    clearInterval(sampler);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
