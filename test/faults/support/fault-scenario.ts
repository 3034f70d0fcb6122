import type { KafkaClientPort } from '../../../topology/kafka';
import type { RedisPort } from '../../../topology/state/redis';
import { readTopics, type TopicReader } from '../../integration/runtime/topic-reader';
import { eventually, services, uniqueName } from '../../support/services';
import { startRunnerProcess, type RunnerProcess } from './runner-process';
import { clickEvent, expectedTable, windowedCountSpec, windowedKey } from './windowed-query';

export const USERS = 10;
export const CHUNK = 3_000;
const PARTITIONS = 2;

export type Guarantee = 'at_least_once' | 'exactly_once_v2';

/**
 * One fault scenario's world: its own topics, consumer group and Redis prefix; the query is a
 * windowed count after a repartition, run by child processes that the test kills with SIGKILL.
 * The sink is read read_committed and compared with a recomputation from the input.
 */
export class Scenario {
  readonly serviceId = `${uniqueName('fault')}_`;
  readonly source = uniqueName('fault-src');
  readonly sink = uniqueName('fault-sink');
  readonly keyPrefix = `${uniqueName('brook-fault')}:`;
  readonly runners: RunnerProcess[] = [];
  produced = 0;
  output: TopicReader | null = null;

  constructor(
    readonly kafka: KafkaClientPort,
    readonly redis: RedisPort,
    readonly guarantee: Guarantee,
    readonly brokers: readonly string[] = services.kafkaBrokers,
  ) {}

  async setUp(): Promise<void> {
    await this.kafka.admin().createTopics([
      { name: this.source, partitions: PARTITIONS },
      { name: this.sink, partitions: PARTITIONS },
    ]);
    this.output = await readTopics(this.kafka, [this.sink]);
  }

  async produce(count: number): Promise<void> {
    const producer = this.kafka.producer({});
    for (let i = this.produced; i < this.produced + count; i++) {
      const e = clickEvent(i, USERS);
      producer.send({
        topic: this.source,
        key: Buffer.from(`e${i}`),
        value: Buffer.from(JSON.stringify({ USER_ID: e.user, N: e.n })),
        timestamp: e.ts,
      });
    }
    await producer.flush();
    await producer.close();
    this.produced += count;
  }

  async start(): Promise<RunnerProcess> {
    const runner = startRunnerProcess({
      brokers: this.brokers,
      redisUrl: services.redisUrl,
      serviceId: this.serviceId,
      source: this.source,
      sink: this.sink,
      keyPrefix: this.keyPrefix,
      guarantee: this.guarantee,
    });
    this.runners.push(runner);
    await runner.assigned;
    return runner;
  }

  /** Waits until the sink shows `more` new records: the runner is in the middle of the stream. */
  async progressed(more: number): Promise<void> {
    const from = this.records().length;
    await eventually(
      'output progress',
      () => Promise.resolve(this.records().length >= from + more ? true : undefined),
      90_000,
    );
  }

  records(): { key: string; value: string | null }[] {
    return (this.output?.records ?? []).map((r) => ({
      key: windowedKey(r.key!),
      value: r.value?.toString() ?? null,
    }));
  }

  latest(): Map<string, string | null> {
    const out = new Map<string, string | null>();
    for (const r of this.records()) out.set(r.key, r.value);
    return out;
  }

  /** Waits until every windowed key's latest value matches the recomputation (or times out). */
  async settled(
    matches: (actual: string | null | undefined, expected: string) => boolean,
  ): Promise<void> {
    const expected = expectedTable(this.produced, USERS);
    await eventually(
      'the sink to match a recomputation from the input',
      () => {
        const latest = this.latest();
        return Promise.resolve(
          [...expected].every(([k, v]) => matches(latest.get(k), v)) ? true : undefined,
        );
      },
      150_000,
      250,
    ).catch(() => undefined);
  }

  async tearDown(): Promise<void> {
    for (const runner of this.runners) await runner.kill();
    await this.output?.stop();
    const spec = windowedCountSpec(this);
    await this.kafka
      .admin()
      .deleteTopics([
        this.source,
        this.sink,
        ...spec.internalTopics.map((t) => t.name),
        `${this.serviceId}ksql_processing_log`,
      ])
      .catch(() => undefined);
    await this.redis.deleteMatching(`${this.keyPrefix}*`);
  }
}

/** Per windowed key, the CNT values in sink order. */
export function countsByKey(
  records: readonly { key: string; value: string | null }[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of records) {
    if (r.value === null) continue;
    const cnt = (JSON.parse(r.value) as { CNT: number }).CNT;
    out.set(r.key, [...(out.get(r.key) ?? []), cnt]);
  }
  return out;
}

export function cntOf(value: string | null | undefined): number {
  return value ? (JSON.parse(value) as { CNT: number }).CNT : 0;
}

/** Exactly once: every update of every window appears once, in order: 1, 2, ..., final. */
export function expectExactlyOnce(scenario: Scenario): void {
  const expected = expectedTable(scenario.produced, USERS);
  const latest = scenario.latest();
  const wrong = [...expected].filter(([k, v]) => latest.get(k) !== v);
  if (wrong.length > 0) {
    // What a failure needs to be diagnosed: which windows differ, and what the runners went through.
    console.log(
      JSON.stringify({
        wrong: wrong.slice(0, 40).map(([k, v]) => [k, v, latest.get(k) ?? null]),
        wrongCount: wrong.length,
        events: scenario.runners.map((r) =>
          r.events.filter((e) => e.kind !== 'Committed').slice(0, 30),
        ),
      }),
    );
  }
  expect(Object.fromEntries(scenario.latest())).toEqual(Object.fromEntries(expected));
  for (const [key, counts] of countsByKey(scenario.records())) {
    expect({ key, counts }).toEqual({ key, counts: counts.map((_, i) => i + 1) });
  }
}
