import {
  nextOltpChange,
  oltpSchemaSql,
  qualifier,
  type LiveKeys,
  type OltpChange,
} from './oltp-generator';
import { ecommerceRecords } from './ecommerce-generator';
import { generatorContext } from './generator-context';
import { paymentBatch, sequenceCounter } from './payments-generator';
import type { RecordPort, SqlPort } from './datagen-ports';
import type { TopicRecord } from './topic-record';

export type DatagenSource = 'oltp' | 'payments' | 'ecommerce';

export interface DatagenOptions {
  readonly sources: readonly DatagenSource[];
  readonly seed: number;
  /** Changes (oltp) or batches (topics) per tick, seed 003's `-n`. */
  readonly perTick: number;
  /** Seconds between ticks, seed 003's `--interval`; 0 runs flat out. */
  readonly intervalSeconds: number;
  /** Stop after this many ticks; undefined runs until `signal` aborts. */
  readonly ticks?: number;
  readonly dirtyRate: number;
  readonly duplicateRate: number;
  readonly silent: boolean;
  /** Postgres schema of the OLTP tables (created if missing); `public` by default. */
  readonly schema?: string;
  /** Prepended to every topic name, so several runs can share a broker. */
  readonly topicPrefix?: string;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

export interface DatagenTotals {
  oltpChanges: number;
  records: number;
  injected: number;
  /** Records sent per (prefixed) topic. */
  readonly perTopic: Record<string, number>;
}

export interface DatagenPorts {
  readonly sql?: SqlPort;
  readonly records?: RecordPort;
  readonly print: (line: string) => void;
  /** Called after every tick with the running totals (the demo's live view). */
  readonly onTick?: (totals: Readonly<DatagenTotals>) => void;
}

/**
 * Runs the generators tick by tick: each tick applies `perTick` OLTP changes and sends
 * `perTick` batches to each topic source. Progress goes to `print` every tick; with `silent`
 * off the generated rows are printed too, as seed 003's generator does.
 */
export async function runDatagen(
  options: DatagenOptions,
  ports: DatagenPorts,
): Promise<DatagenTotals> {
  const ctx = generatorContext(options.seed, options.now);
  const seq = sequenceCounter();
  const live: LiveKeys = { customers: [], orders: [] };
  const totals: DatagenTotals = { oltpChanges: 0, records: 0, injected: 0, perTopic: {} };
  const wants = (s: DatagenSource): boolean => options.sources.includes(s);
  const table = qualifier(options.schema ?? 'public');
  if (wants('oltp')) {
    if (ports.sql === undefined)
      throw new DatagenError('the oltp source needs a database connection');
    for (const statement of oltpSchemaSql(options.schema)) await ports.sql.query(statement);
    await loadLiveKeys(ports.sql, live, table);
  }
  const startedAt = Date.now();
  for (let tick = 0; options.ticks === undefined || tick < options.ticks; tick++) {
    if (options.signal?.aborted) break;
    const started = Date.now();
    const batch: TopicRecord[] = [];
    for (let i = 0; i < options.perTick; i++) {
      if (options.signal?.aborted) break;
      if (wants('oltp') && ports.sql !== undefined)
        await applyChange(
          ports.sql,
          nextOltpChange(ctx, live, table),
          live,
          options,
          ports,
          totals,
        );
      if (wants('payments')) batch.push(...paymentBatch(ctx, seq));
      if (wants('ecommerce')) batch.push(...ecommerceRecords(ctx, options));
    }
    if (batch.length > 0) await sendBatch(batch, options, ports, totals);
    const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
    const rate = Math.round((totals.oltpChanges + totals.records) / seconds);
    ports.print(
      `tick ${tick + 1}: ${totals.oltpChanges} database changes, ${totals.records} records (${totals.injected} injected bad or duplicate), ${rate}/s`,
    );
    ports.onTick?.(totals);
    await pause(options.intervalSeconds * 1000 - (Date.now() - started), options.signal);
  }
  return totals;
}

/** Raised for a datagen run that cannot start (a source without the connection it needs). */
export class DatagenError extends Error {
  readonly code = 'DATAGEN_MISCONFIGURED';
  readonly retriable = false;
}

async function sendBatch(
  generated: readonly TopicRecord[],
  options: DatagenOptions,
  ports: DatagenPorts,
  totals: DatagenTotals,
): Promise<void> {
  if (ports.records === undefined) throw new DatagenError('topic sources need a Kafka connection');
  const prefix = options.topicPrefix ?? '';
  const batch = generated.map((r) => ({ ...r, topic: `${prefix}${r.topic}` }));
  await ports.records.send(batch);
  totals.records += batch.length;
  totals.injected += batch.filter((r) => r.injected !== undefined).length;
  for (const r of batch) totals.perTopic[r.topic] = (totals.perTopic[r.topic] ?? 0) + 1;
  if (!options.silent) for (const r of batch) ports.print(`${r.topic} ${r.key ?? ''} ${r.value}`);
}

async function applyChange(
  sql: SqlPort,
  change: OltpChange,
  live: LiveKeys,
  options: DatagenOptions,
  ports: DatagenPorts,
  totals: DatagenTotals,
): Promise<void> {
  const rows = await sql.query(change.sql, change.params);
  totals.oltpChanges += 1;
  const id = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
  if (change.kind === 'insert-customer' && id !== undefined) live.customers.push(Number(id));
  if (change.kind === 'insert-order' && id !== undefined) live.orders.push(Number(id));
  if (change.kind === 'delete-order') {
    const gone = Number(change.params[0]);
    live.orders.splice(live.orders.indexOf(gone), 1);
  }
  if (!options.silent) ports.print(`${change.kind} ${JSON.stringify(change.params)}`);
}

async function loadLiveKeys(
  sql: SqlPort,
  live: LiveKeys,
  table: (name: string) => string,
): Promise<void> {
  for (const row of await sql.query(`select id from ${table('customers')} order by id`))
    live.customers.push(Number(row.id));
  for (const row of await sql.query(`select order_id from ${table('orders')} order by order_id`))
    live.orders.push(Number(row.order_id));
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}
