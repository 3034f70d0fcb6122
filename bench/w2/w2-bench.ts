/**
 * W2: tumbling-window aggregation over many keys (`--keys`, 10k and 1M in the reference runs),
 * next to the raw kafkajs loop plus the same Redis calls per batch (HMGET + MULTI/EXEC).
 * Run: `npx tsx bench/w2/w2-bench.ts [--events N] [--keys K] [--guarantee exactly_once_v2]`
 * or `brook bench W2 --keys 1000000`.
 */
import {
  benchOptionsFromArgs,
  runStreamBench,
  type BenchOptions,
  type BenchResult,
} from '../runtime/stream-bench';

export const W2_DEFAULTS = { events: 200_000, keys: 10_000 };

export function runW2(options: BenchOptions): Promise<BenchResult> {
  return runStreamBench(
    {
      name: 'W2',
      stateful: true,
      // Grouped by the record key: the input is keyed by user, so no repartition is needed.
      sql: (source, sink) => `CREATE STREAM EVENTS (USER_ID STRING KEY, AMOUNT DOUBLE, PAGE STRING)
          WITH (kafka_topic='${source}', value_format='JSON');
        CREATE TABLE PER_USER WITH (kafka_topic='${sink}') AS
          SELECT USER_ID, COUNT(*) AS CNT, SUM(AMOUNT) AS TOTAL FROM EVENTS
          WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY USER_ID EMIT CHANGES;`,
      baseline: (row) => JSON.stringify({ CNT: 1, TOTAL: row.AMOUNT }),
    },
    options,
  );
}

if (require.main === module) {
  runW2(benchOptionsFromArgs(process.argv, W2_DEFAULTS))
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
