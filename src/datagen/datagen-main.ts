import { DatagenError, runDatagen, type DatagenSource } from './run-datagen';
import { kafkaRecordPort } from './kafka-record-port';
import { pgSqlPort } from './pg-sql-port';

/** `brook datagen`'s settings, after flag parsing (seed 003's flags plus Brook's). */
export interface DatagenCliOptions {
  readonly intervalSeconds: number;
  readonly perTick: number;
  readonly connectionString: string;
  readonly silent: boolean;
  readonly seed: number;
  readonly sources: readonly DatagenSource[];
  readonly ticks?: number;
  readonly dirtyRate: number;
  readonly duplicateRate: number;
  readonly bootstrapServers: string;
  readonly schema?: string;
  readonly topicPrefix?: string;
}

const SOURCES: readonly DatagenSource[] = ['oltp', 'payments', 'ecommerce'];

/** `oltp,payments` -> the sources, rejecting unknown names. */
export function parseSources(text: string): DatagenSource[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const n of names)
    if (!SOURCES.includes(n as DatagenSource))
      throw new DatagenError(`unknown source '${n}' (expected ${SOURCES.join(', ')})`);
  return names as DatagenSource[];
}

/**
 * Runs the generator against the real Postgres and Kafka until `--ticks` ran out or the
 * process gets SIGINT/SIGTERM; the tick in flight completes, then connections close.
 */
export async function datagenMain(
  options: DatagenCliOptions,
  print: (line: string) => void,
): Promise<number> {
  const stop = new AbortController();
  const onSignal = (): void => {
    print('stopping after the current tick...');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const sql = options.sources.includes('oltp') ? pgSqlPort(options.connectionString) : undefined;
  const topicSources = options.sources.some((s) => s !== 'oltp');
  const records = topicSources
    ? kafkaRecordPort({ brokers: options.bootstrapServers.split(',').map((b) => b.trim()) })
    : undefined;
  try {
    const totals = await runDatagen(
      {
        sources: options.sources,
        seed: options.seed,
        perTick: options.perTick,
        intervalSeconds: options.intervalSeconds,
        ...(options.ticks === undefined ? {} : { ticks: options.ticks }),
        dirtyRate: options.dirtyRate,
        duplicateRate: options.duplicateRate,
        silent: options.silent,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.topicPrefix === undefined ? {} : { topicPrefix: options.topicPrefix }),
        signal: stop.signal,
      },
      { ...(sql ? { sql } : {}), ...(records ? { records } : {}), print },
    );
    const perTopic = Object.entries(totals.perTopic)
      .map(([t, n]) => `${t}=${n}`)
      .join(' ');
    print(
      `done: ${totals.oltpChanges} database changes, ${totals.records} records${perTopic ? ` (${perTopic})` : ''}`,
    );
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await records?.close();
    await sql?.close();
  }
}
