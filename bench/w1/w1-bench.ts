/**
 * W1: stateless filter and project (`CREATE STREAM ... AS SELECT ... WHERE ...`), next to the
 * raw kafkajs loop doing the same filter and projection.
 * Run: `npx tsx bench/w1/w1-bench.ts [--events N] [--guarantee exactly_once_v2] [--json]`
 * or `brook bench W1`.
 */
import {
  benchOptionsFromArgs,
  runStreamBench,
  type BenchOptions,
  type BenchResult,
} from '../runtime/stream-bench';

export const W1_DEFAULTS = { events: 200_000, keys: 10_000 };

export function runW1(options: BenchOptions): Promise<BenchResult> {
  return runStreamBench(
    {
      name: 'W1',
      stateful: false,
      sql: (
        source,
        sink,
      ) => `CREATE STREAM EVENTS (ID STRING KEY, USER_ID STRING, AMOUNT DOUBLE, PAGE STRING)
          WITH (kafka_topic='${source}', value_format='JSON');
        CREATE STREAM BIG_EVENTS WITH (kafka_topic='${sink}') AS
          SELECT ID, USER_ID, AMOUNT FROM EVENTS WHERE AMOUNT >= 10 EMIT CHANGES;`,
      baseline: (row) =>
        row.AMOUNT >= 10 ? JSON.stringify({ USER_ID: row.USER_ID, AMOUNT: row.AMOUNT }) : null,
    },
    options,
  );
}

if (require.main === module) {
  runW1(benchOptionsFromArgs(process.argv, W1_DEFAULTS))
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
