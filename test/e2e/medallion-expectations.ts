import type { PgQueryable } from '../../connectors';
import type { TopicRecord } from '../../src/datagen';

/** Fixed conversion rates of the silver layer (02-silver.sql), to USD. */
const PAYMENT_RATES: Record<string, number> = {
  USD: 1,
  BRL: 0.2,
  EUR: 1.08,
  ARS: 0.001,
  MXN: 0.055,
};
const ORDER_RATES: Record<string, number> = { USD: 1, BRL: 0.2, EUR: 1.08 };

/** A gold table as rows keyed by their primary key text, values as numbers or text. */
export type GoldRows = Map<string, readonly (string | number)[]>;

interface Envelope {
  readonly data: Record<string, unknown>;
}

function dataOf(record: TopicRecord): Record<string, unknown> {
  return (JSON.parse(record.value) as Envelope).data;
}

const onTopic = (records: readonly TopicRecord[], suffix: string): TopicRecord[] =>
  records.filter((r) => r.topic.endsWith(suffix));

/** gold.revenue: per country, method and minute (the record timestamp's tumbling window). */
export function expectedRevenue(records: readonly TopicRecord[]): GoldRows {
  const out = new Map<string, [string, string, number, number, number]>();
  for (const r of onTopic(records, 'kafka-orders')) {
    const d = dataOf(r);
    const windowStart = Math.floor(r.timestamp / 60_000) * 60_000;
    const key = `${String(d.country)}|${String(d.method)}|${windowStart}`;
    const row = out.get(key) ?? [String(d.country), String(d.method), windowStart, 0, 0];
    row[3] += 1;
    row[4] += Number(d.amount) * (PAYMENT_RATES[String(d.currency)] ?? 1);
    out.set(key, row);
  }
  return out;
}

/** gold.payment_funnel: events per event_name. */
export function expectedFunnel(records: readonly TopicRecord[]): GoldRows {
  const counts = new Map<string, number>();
  for (const r of onTopic(records, 'kafka-events')) {
    const name = String((dataOf(r).event as { event_name: string }).event_name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return new Map([...counts].map(([name, n]) => [name, [name, n]]));
}

/** gold.gps_speed: pings, average and maximum speed per order. */
export function expectedGpsSpeed(records: readonly TopicRecord[]): GoldRows {
  const speeds = new Map<string, number[]>();
  for (const r of onTopic(records, 'kafka-gps')) {
    const d = dataOf(r);
    const list = speeds.get(String(d.order_id)) ?? [];
    list.push(Number(d.speed_kph));
    speeds.set(String(d.order_id), list);
  }
  return new Map(
    [...speeds].map(([order, s]) => [
      order,
      [order, s.length, s.reduce((a, b) => a + b, 0) / s.length, Math.max(...s)],
    ]),
  );
}

/** gold.customer_360, recomputed in SQL from the OLTP tables as they ended up. */
export async function expectedCustomer360(pg: PgQueryable, schema: string): Promise<GoldRows> {
  const rate = Object.entries(ORDER_RATES)
    .map(([c, r]) => `when '${c}' then ${r}`)
    .join(' ');
  const { rows } = await pg.query<{
    id: number;
    nome: string;
    email: string;
    orders: string;
    spent: number | null;
  }>(
    `select c.id, c.nome, c.email, count(o.order_id) as orders,
            sum(o.amount::float8 * case o.currency ${rate} else 1 end) as spent
     from "${schema}".customers c left join "${schema}".orders o on o.customer_id = c.id
     group by c.id, c.nome, c.email`,
  );
  return new Map(
    rows.map((r) => [String(r.id), [r.id, r.nome, r.email, Number(r.orders), r.spent ?? 0]]),
  );
}

/** The e-commerce records the generator made bad on purpose, as `key<TAB>value` lines. */
export function expectedDlq(records: readonly TopicRecord[]): string[] {
  return onTopic(records, 'ecommerce-transactions')
    .filter((r) => r.injected === 'dirty' || r.injected === 'undecodable')
    .map((r) => `${r.key ?? ''}\t${r.value}`)
    .sort();
}

/** Reads a gold table with its columns in `columns` order, keyed like the expectations. */
export async function actualRows(
  pg: PgQueryable,
  table: string,
  columns: readonly string[],
  keyOf: (row: readonly (string | number)[]) => string,
): Promise<GoldRows> {
  const quoted = table
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
  const { rows } = await pg
    .query<Record<string, unknown>>(
      `select ${columns.map((c) => `"${c}"`).join(', ')} from ${quoted}`,
    )
    .catch(() => ({ rows: [] as Record<string, unknown>[] }));
  const out: GoldRows = new Map();
  for (const r of rows) {
    const row = columns.map((c) => {
      const v = r[c];
      return typeof v === 'number' ? v : /^-?\d+(\.\d+)?$/.test(String(v)) ? Number(v) : String(v);
    });
    out.set(keyOf(row), row);
  }
  return out;
}

/**
 * The differences between two gold tables (doubles compared to 1e-6 relative), empty when
 * they hold the same keys with the same values.
 */
export function diffRows(expected: GoldRows, actual: GoldRows, limit = 5): string[] {
  const out: string[] = [];
  for (const [key, row] of expected) {
    const got = actual.get(key);
    if (got === undefined) out.push(`missing ${key}`);
    else if (!row.every((v, i) => same(v, got[i])))
      out.push(`${key}: expected ${JSON.stringify(row)}, got ${JSON.stringify(got)}`);
    if (out.length >= limit) return out;
  }
  for (const key of actual.keys()) {
    if (!expected.has(key)) out.push(`unexpected ${key}`);
    if (out.length >= limit) break;
  }
  return out;
}

function same(a: string | number | undefined, b: string | number | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  return String(a) === String(b);
}
