/**
 * The harness of `brook bench W1` / `W2`: one workload run by Brook's runner on the real broker
 * (and Redis), next to its baseline measured in the same run on the same kind of input:
 *   baseline  raw kafkajs consume -> JSON decode -> JSON encode -> produce loop (plus, for
 *             stateful workloads, one HMGET and one MULTI/EXEC per batch on Redis);
 *   brook     the SQL query, run by `startQuery`.
 * Both run live: the pipeline starts first, then a producer writes `events` records as fast as
 * it can, each stamped with its produce time. events/s = events / (first produce -> last input
 * record processed and committed); latency = output seen by a reader - input produce time.
 */
import Redis from 'ioredis';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { compileScript } from '../../sql';
import {
  createSerdeFactory,
  kafkajsClient,
  startQuery,
  type KafkaClientPort,
} from '../../topology';
import { connectRedis, RedisBackendFactory } from '../../topology/state/redis';

export interface BenchOptions {
  readonly events: number;
  readonly keys: number;
  readonly guarantee: 'at_least_once' | 'exactly_once_v2';
  readonly brokers: readonly string[];
  readonly redisUrl: string;
  readonly partitions?: number;
  readonly progress?: (line: string) => void;
}

export interface BenchResult {
  readonly workload: string;
  readonly events: number;
  readonly eventsPerSec: number;
  readonly baselineEventsPerSec: number;
  readonly ratio: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  readonly guarantee: string;
  readonly keys: number;
  readonly baselineP50Ms: number;
  readonly baselineP99Ms: number;
}

export interface Workload {
  readonly name: string;
  /** The query over `source` (ID STRING KEY, USER_ID, AMOUNT, PAGE) into `sink`. */
  sql(source: string, sink: string): string;
  /** The baseline's per-record work: returns the output value, or null when filtered out. */
  baseline(row: { USER_ID: string; AMOUNT: number; PAGE: string }): string | null;
  readonly stateful: boolean;
}

interface Run {
  readonly seconds: number;
  readonly latencies: number[];
}

let peakRss = 0;

export async function runStreamBench(
  workload: Workload,
  options: BenchOptions,
): Promise<BenchResult> {
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const partitions = options.partitions ?? 3;
  const run = `bench_${workload.name}_${process.pid}`;
  const kafka = kafkajsClient({ brokers: options.brokers, clientId: 'brook-bench' });
  const say = options.progress ?? (() => undefined);
  const topics = ['base_in', 'base_out', 'brook_in', 'brook_out'].map((t) => `${run}_${t}`);
  await kafka.admin().createTopics(topics.map((name) => ({ name, partitions })));
  const cleanup: string[] = [...topics];
  try {
    say(`${workload.name}: baseline (raw kafkajs loop${workload.stateful ? ' + Redis' : ''})`);
    const base = await baselineRun(workload, options, topics[0]!, topics[1]!, say);
    say(`${workload.name}: baseline ${Math.round(options.events / base.seconds)} events/s`);
    say(`${workload.name}: brook (${options.guarantee})`);
    const brook = await brookRun(
      workload,
      options,
      kafka,
      run,
      topics[2]!,
      topics[3]!,
      cleanup,
      say,
    );
    const eventsPerSec = Math.round(options.events / brook.seconds);
    const baselineEventsPerSec = Math.round(options.events / base.seconds);
    return {
      workload: workload.name,
      events: options.events,
      eventsPerSec,
      baselineEventsPerSec,
      ratio: Number((eventsPerSec / baselineEventsPerSec).toFixed(2)),
      p50Ms: percentile(brook.latencies, 0.5),
      p99Ms: percentile(brook.latencies, 0.99),
      peakRssMb: Math.round(peakRss / 1e6),
      guarantee: options.guarantee,
      keys: options.keys,
      baselineP50Ms: percentile(base.latencies, 0.5),
      baselineP99Ms: percentile(base.latencies, 0.99),
    };
  } finally {
    clearInterval(sampler);
    await kafka
      .admin()
      .deleteTopics(cleanup)
      .catch(() => undefined);
    await kafka.close();
  }
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function rawKafka(options: BenchOptions, id: string): Kafka {
  return new Kafka({ clientId: id, brokers: [...options.brokers], logLevel: logLevel.NOTHING });
}

/** Writes the input as fast as the client goes, each record stamped with its produce time. */
async function produce(
  options: BenchOptions,
  topic: string,
  say: (l: string) => void,
): Promise<void> {
  const producer = rawKafka(options, 'bench-load').producer({
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  const chunk = 2_000;
  for (let from = 0; from < options.events; from += chunk) {
    const now = String(Date.now());
    const messages = [];
    for (let i = from; i < Math.min(from + chunk, options.events); i++) {
      const user = `user-${(i * 7919) % options.keys}`;
      const row = { USER_ID: user, AMOUNT: (i % 100) + 0.5, PAGE: `/p/${i % 50}` };
      messages.push({ key: user, value: JSON.stringify(row), timestamp: now });
    }
    await producer.send({ topic, messages, acks: -1 });
    if (from % 50_000 === 0 && from > 0) say(`  produced ${from}/${options.events}`);
  }
  await producer.disconnect();
}

/** Reads the output and records, per record, now - its timestamp. */
async function latencyReader(
  options: BenchOptions,
  topic: string,
): Promise<{ latencies: number[]; stop: () => Promise<void> }> {
  const latencies: number[] = [];
  const consumer: Consumer = rawKafka(options, 'bench-reader').consumer({
    groupId: `${topic}-reader`,
    maxWaitTimeInMs: 50,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) latencies.push(now - Number(m.timestamp));
      await Promise.resolve();
    },
  });
  return { latencies, stop: () => consumer.disconnect() };
}

async function baselineRun(
  workload: Workload,
  options: BenchOptions,
  input: string,
  output: string,
  say: (l: string) => void,
): Promise<Run> {
  const kafka = rawKafka(options, 'bench-baseline');
  const consumer = kafka.consumer({ groupId: `${input}-baseline`, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const redis = workload.stateful ? new Redis(options.redisUrl) : null;
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: input, fromBeginning: true });
  const reader = await latencyReader(options, output);
  let seen = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      const messages = [];
      for (const m of batch.messages) {
        const value = workload.baseline(JSON.parse(m.value!.toString()) as never);
        if (value !== null) messages.push({ key: m.key, value, timestamp: m.timestamp });
      }
      if (redis && messages.length > 0) {
        const hash = `bench:${input}:${batch.partition}`;
        await redis.hmget(hash, ...messages.map((m) => m.key!));
        const multi = redis.multi();
        for (const m of messages) multi.hset(hash, m.key!, m.value);
        await multi.exec();
      }
      if (messages.length > 0) await producer.send({ topic: output, messages, acks: -1 });
      await consumer.commitOffsets([
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: String(Number(batch.lastOffset()) + 1),
        },
      ]);
      seen += batch.messages.length;
      if (seen >= options.events) finish();
    },
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const started = performance.now();
  await produce(options, input, say);
  await done;
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  await Promise.all([consumer.disconnect(), producer.disconnect(), reader.stop()]);
  if (redis) {
    await redis.del(...[0, 1, 2, 3, 4, 5, 6, 7].map((p) => `bench:${input}:${p}`));
    await redis.quit();
  }
  return { seconds, latencies: reader.latencies };
}

async function brookRun(
  workload: Workload,
  options: BenchOptions,
  kafka: KafkaClientPort,
  run: string,
  input: string,
  output: string,
  cleanup: string[],
  say: (l: string) => void,
): Promise<Run> {
  const serviceId = `${run}_`;
  const compiled = compileScript(workload.sql(input, output), {
    config: { 'ksql.service.id': serviceId },
  });
  const last = compiled[compiled.length - 1]!.compiled;
  if (last.kind !== 'PersistentQuery') throw new Error('expected a persistent query');
  const spec = last.query.topology;
  cleanup.push(...spec.internalTopics.map((t) => t.name), `${serviceId}ksql_processing_log`);
  const redis = connectRedis(options.redisUrl);
  const keyPrefix = `${run}:`;
  const reader = await latencyReader(options, output);
  let committedIn = 0;
  const handle = await startQuery({
    spec,
    serviceId,
    kafka,
    backends: new RedisBackendFactory({ redis, keyPrefix }),
    serdes: createSerdeFactory({}),
    properties: {
      'auto.offset.reset': 'earliest',
      'processing.guarantee': options.guarantee,
      ...(options.guarantee === 'at_least_once' ? { 'commit.interval.ms': '1000' } : {}),
    },
    onEvent: (event) => {
      if (event.kind === 'Committed') committedIn = handle.metrics().recordsIn;
    },
  });
  // Input records plus repartitioned copies, if the plan repartitions, pass through the runner.
  const perEvent = spec.internalTopics.some((t) => t.role === 'repartition') ? 2 : 1;
  const progress = setInterval(
    () => say(`  brook processed ${handle.metrics().recordsIn}/${perEvent * options.events}`),
    5_000,
  );
  try {
    await new Promise((r) => setTimeout(r, 1_000));
    const started = performance.now();
    await produce(options, input, say);
    while (committedIn < perEvent * options.events) {
      if (handle.status().state === 'FAILED')
        throw new Error(`query failed: ${handle.status().cause}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    return { seconds, latencies: reader.latencies };
  } finally {
    clearInterval(progress);
    await handle.stop();
    await reader.stop();
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
  }
}

/** Reads `--name value` flags shared by the bench programs. */
export function benchOptionsFromArgs(
  argv: readonly string[],
  defaults: { events: number; keys: number },
): BenchOptions {
  const flag = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const guarantee = flag('--guarantee') ?? 'at_least_once';
  if (guarantee !== 'at_least_once' && guarantee !== 'exactly_once_v2')
    throw new Error(`--guarantee must be at_least_once or exactly_once_v2, not ${guarantee}`);
  return {
    events: Number(flag('--events') ?? defaults.events),
    keys: Number(flag('--keys') ?? defaults.keys),
    guarantee,
    brokers: [process.env['BROOK_KAFKA'] ?? '127.0.0.1:9092'],
    redisUrl: process.env['BROOK_REDIS'] ?? 'redis://127.0.0.1:6379',
    progress: (line) => process.stderr.write(`${line}\n`),
  };
}
