/**
 * Benchmark: batched JDBC-sink upserts into Postgres with three write strategies
 * (multi-row VALUES ... ON CONFLICT, unnest arrays ... ON CONFLICT, COPY into a staging table
 * then INSERT ... SELECT ... ON CONFLICT). Half of each batch updates existing keys.
 *
 *   npx tsx bench/jdbc-sink/upsert-strategies.ts [--rows 60000] [--batch 3000] [--json]
 */
import Decimal from 'decimal.js';
import {
  connectSchema,
  createTableSql,
  decimalSchema,
  fieldsMetadata,
  pgSqlPool,
  structSchema,
  timestampSchema,
  toParam,
  writeBatch,
  type WriteStrategy,
} from '../../connectors';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const totalRows = arg('rows', 60000);
const batchSize = arg('batch', 3000);
const rounds = arg('rounds', 3);
const url = process.env['BROOK_BENCH_PG'] ?? 'jdbc:postgresql://127.0.0.1:5432/postgres';

const schema = structSchema('gold', [
  { name: 'id', schema: connectSchema('INT64') },
  { name: 'customer', schema: connectSchema('STRING', { optional: true }) },
  { name: 'revenue', schema: decimalSchema(2, 12, true) },
  { name: 'orders', schema: connectSchema('INT32', { optional: true }) },
  { name: 'avg_speed', schema: connectSchema('FLOAT64', { optional: true }) },
  { name: 'window_start', schema: timestampSchema(true) },
  { name: 'status', schema: connectSchema('STRING', { optional: true }) },
]);
const meta = fieldsMetadata('record_value', ['id'], [], null, schema);

function row(id: number, version: number): unknown[] {
  const value: Record<string, unknown> = {
    id: BigInt(id),
    customer: `customer-${id % 997}`,
    revenue: new Decimal(id * 1.37 + version).toDecimalPlaces(2),
    orders: version,
    avg_speed: (id % 120) + version / 10,
    window_start: Date.UTC(2024, 0, 1) + id * 1000,
    status: version % 2 === 0 ? 'open' : 'closed',
  };
  return meta.columns.map((c) => toParam(c.schema, value[c.name]));
}

async function run(strategy: WriteStrategy): Promise<number> {
  const pool = pgSqlPool({ url, maxConnections: 1 });
  const table = { schema: 'public', table: `bench_jdbc_sink_${strategy.replace('-', '_')}` };
  await pool.query(`DROP TABLE IF EXISTS "public"."${table.table}"`);
  await pool.query(createTableSql(table, meta));
  const session = await pool.session();
  const started = process.hrtime.bigint();
  let nextNew = 0;
  for (let written = 0; written < totalRows; written += batchSize) {
    // Half the batch updates keys written before, half inserts new keys.
    const rows: unknown[][] = [];
    for (let i = 0; i < batchSize; i++) {
      const update = i % 2 === 0 && nextNew > batchSize;
      rows.push(update ? row((i * 7919) % nextNew, written) : row(nextNew++, written));
    }
    const unique = new Map(rows.map((r) => [String(r[0]), r]));
    await session.query('BEGIN');
    await writeBatch(session, 'upsert', strategy, {
      table,
      meta,
      rows: [...unique.values()],
      deletes: [],
    });
    await session.query('COMMIT');
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  session.release();
  await pool.query(`DROP TABLE "public"."${table.table}"`);
  await pool.end();
  return totalRows / seconds;
}

async function main(): Promise<void> {
  const strategies: WriteStrategy[] = ['values', 'unnest', 'copy-merge'];
  const results = new Map<WriteStrategy, number[]>(strategies.map((s) => [s, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 === 0 ? strategies : [...strategies].reverse())
      results.get(s)!.push(await run(s));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = strategies.map((s) => ({
    strategy: s,
    rowsPerSecond: Math.round(median(results.get(s)!)),
    runs: results.get(s)!.map(Math.round),
  }));
  if (args.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({ totalRows, batchSize, rounds, summary, peakRssMb: Math.round(process.memoryUsage().rss / 1e6) })}\n`,
    );
    return;
  }
  process.stdout.write(
    `JDBC sink upserts: ${totalRows} rows per run, batches of ${batchSize}, median of ${rounds} runs\n`,
  );
  for (const s of summary)
    process.stdout.write(
      `  ${s.strategy.padEnd(11)} ${String(s.rowsPerSecond).padStart(8)} rows/s   runs: ${s.runs.join(', ')}\n`,
    );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
