import {
  runDatagen,
  type DatagenOptions,
  type RecordPort,
  type SqlPort,
  type TopicRecord,
} from '../../../src/datagen';

/** A SqlPort that records statements and hands out ids for `returning` inserts. */
function recordingSql() {
  const statements: { sql: string; params: readonly unknown[]; id?: number }[] = [];
  let nextId = 1;
  const port: SqlPort = {
    query: (sql, params = []) => {
      const id = /returning/.test(sql) ? nextId++ : undefined;
      statements.push({ sql, params, id });
      return Promise.resolve(id === undefined ? [] : [{ id }]);
    },
    close: () => Promise.resolve(),
  };
  return { port, statements };
}

function recordingTopics() {
  const records: TopicRecord[] = [];
  const port: RecordPort = {
    send: (batch) => {
      records.push(...batch);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  return { port, records };
}

const options = (overrides: Partial<DatagenOptions> = {}): DatagenOptions => ({
  sources: ['oltp', 'payments', 'ecommerce'],
  seed: 42,
  perTick: 20,
  intervalSeconds: 0,
  ticks: 5,
  dirtyRate: 0.1,
  duplicateRate: 0.05,
  silent: true,
  now: () => Date.UTC(2025, 0, 15, 10, 30, 45, 123),
  ...overrides,
});

async function generate(opts: DatagenOptions) {
  const sql = recordingSql();
  const topics = recordingTopics();
  const totals = await runDatagen(opts, {
    sql: sql.port,
    records: topics.port,
    print: () => undefined,
  });
  return { sql: sql.statements, records: topics.records, totals };
}

describe('brook datagen', () => {
  it('produces the same changes and records for the same seed', async () => {
    const a = await generate(options());
    const b = await generate(options());
    expect(b.sql).toEqual(a.sql);
    expect(b.records).toEqual(a.records);
    const c = await generate(options({ seed: 7 }));
    expect(c.records).not.toEqual(a.records);
  });

  it('writes seed 000 documents with one _sequence_id ordering all three topics', async () => {
    const { records } = await generate(options({ sources: ['payments'] }));
    const docs = records.map((r) => ({
      topic: r.topic,
      data: (JSON.parse(r.value) as { data: Record<string, unknown> }).data,
    }));
    expect(docs.map((d) => d.data._sequence_id)).toEqual(docs.map((_, i) => i + 1));
    expect(records.map((r) => r.key)).toEqual(docs.map((d) => String(d.data._sequence_id)));
    const order = docs.find((d) => d.topic === 'kafka-orders')!.data;
    expect(Object.keys(order).sort()).toEqual(
      [
        '_sequence_id',
        'payment_id',
        'order_key',
        'amount',
        'currency',
        'method',
        'status',
        'card_brand',
        'card_last4',
        'net_amount',
        'country',
        'ip_address',
        'timestamp',
        'dt_current_timestamp',
      ].sort(),
    );
    expect(order.timestamp).toBe('2025-01-15 10:30:45.123');
    const payments = new Set(
      docs.filter((d) => d.topic === 'kafka-orders').map((d) => d.data.payment_id),
    );
    const orderKeys = new Set(
      docs.filter((d) => d.topic === 'kafka-orders').map((d) => d.data.order_key),
    );
    for (const e of docs.filter((d) => d.topic === 'kafka-events'))
      expect(payments.has(e.data.payment_id)).toBe(true);
    for (const g of docs.filter((d) => d.topic === 'kafka-gps'))
      expect(orderKeys.has(g.data.order_id)).toBe(true);
  });

  it('injects dirty and duplicate e-commerce records at the configured rates and labels them', async () => {
    const { records } = await generate(options({ sources: ['ecommerce'], perTick: 200, ticks: 5 }));
    const clean = records.filter((r) => r.injected === undefined);
    const bad = records.filter((r) => r.injected === 'dirty' || r.injected === 'undecodable');
    const dups = records.filter((r) => r.injected === 'duplicate');
    expect(bad.length / 1000).toBeGreaterThan(0.06);
    expect(bad.length / 1000).toBeLessThan(0.14);
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) expect(clean.some((r) => r.value === d.value)).toBe(true);
    const cancelled = clean
      .map((r) => JSON.parse(r.value) as { TransactionNo: string; Quantity: number; Date: string })
      .filter((t) => t.TransactionNo.startsWith('C'));
    expect(cancelled.length).toBeGreaterThan(0);
    for (const t of cancelled) expect(t.Quantity).toBeLessThan(0);
    expect(
      clean.every((r) =>
        /^\d{1,2}\/\d{1,2}\/\d{4}$/.test((JSON.parse(r.value) as { Date: string }).Date),
      ),
    ).toBe(true);
  });

  it('updates and deletes only rows it inserted', async () => {
    const { sql } = await generate(options({ sources: ['oltp'], perTick: 50, ticks: 4 }));
    const changes = sql.filter((s) => /^(insert|update|delete)/.test(s.sql));
    expect(changes).toHaveLength(200);
    const idsOf = (prefix: string) =>
      new Set(
        changes.filter((c) => c.sql.replace(/"public"\./, '').startsWith(prefix)).map((c) => c.id),
      );
    const customers = idsOf('insert into customers');
    const orders = idsOf('insert into orders');
    const updates = changes.filter((c) => /^update "public".customers/.test(c.sql));
    const deletes = changes.filter((c) => /^delete from "public".orders/.test(c.sql));
    expect(updates.length).toBeGreaterThan(0);
    expect(deletes.length).toBeGreaterThan(0);
    for (const u of updates) expect(customers.has(Number(u.params[2]))).toBe(true);
    for (const d of deletes) expect(orders.has(Number(d.params[0]))).toBe(true);
    const deleted = deletes.map((d) => Number(d.params[0]));
    expect(new Set(deleted).size).toBe(deleted.length);
  });
});
