import { connectSchema, structSchema, type SinkRecord } from '../../../connectors';
import { RecordBuffer } from '../../../connectors/jdbc/sink/record-buffer';
import { createTableSql, fieldsMetadata } from '../../../connectors';

const value = structSchema('v', [
  { name: 'id', schema: connectSchema('INT64') },
  { name: 'name', schema: connectSchema('STRING', { optional: true }) },
]);
const key = connectSchema('STRING', { optional: true });

function record(k: string, v: Record<string, unknown> | null, offset: number): SinkRecord {
  return {
    topic: 't',
    kafkaPartition: 0,
    kafkaOffset: BigInt(offset),
    keySchema: key,
    key: k,
    valueSchema: v === null ? null : value,
    value: v,
    timestamp: 0,
    timestampType: 'CreateTime',
    headers: [],
  };
}

describe('JDBC sink record buffer', () => {
  it('keeps one final operation per key, so a batch equals applying its records in order', () => {
    const buffer = new RecordBuffer({ schema: 's', table: 't' }, key, value, {
      pkMode: 'record_key',
      pkFields: ['k'],
      include: [],
      dedupe: true,
    });
    const records = [
      record('a', { id: 1n, name: 'x' }, 0),
      record('b', { id: 2n, name: 'y' }, 1),
      record('a', null, 2),
      record('b', { id: 2n, name: 'z' }, 3),
      record('c', null, 4),
    ];
    for (const r of records) buffer.add(r, r.value);
    expect(buffer.batch()).toEqual({
      table: { schema: 's', table: 't' },
      meta: buffer.meta,
      rows: [['b', '2', 'z']],
      deletes: [['a'], ['c']],
    });
  });

  it('keeps every row in insert mode without keys', () => {
    const buffer = new RecordBuffer({ schema: null, table: 't' }, key, value, {
      pkMode: 'none',
      pkFields: [],
      include: ['name'],
      dedupe: false,
    });
    for (const r of [record('a', { id: 1n, name: 'x' }, 0), record('a', { id: 1n, name: 'x' }, 1)])
      buffer.add(r, r.value);
    expect(buffer.batch().rows).toEqual([['x'], ['x']]);
  });

  it('creates tables with NOT NULL keys and a primary key, quoting every identifier', () => {
    const meta = fieldsMetadata(
      'record_value',
      ['id'],
      [],
      null,
      structSchema('v', [
        { name: 'id', schema: connectSchema('INT64') },
        { name: 'Order "Total"', schema: connectSchema('FLOAT64', { optional: true }) },
      ]),
    );
    expect(createTableSql({ schema: 'gold', table: 'Revenue-By-Day' }, meta)).toBe(
      'CREATE TABLE IF NOT EXISTS "gold"."Revenue-By-Day" (\n"id" BIGINT NOT NULL,\n"Order ""Total""" DOUBLE PRECISION,\nPRIMARY KEY("id"))',
    );
  });
});
