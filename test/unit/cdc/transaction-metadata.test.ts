import { avroType, connectToAvro, type SourceRecord } from '../../../connectors';
import { fromAvroValue, toAvroValue } from '../../../connectors/converters/avro-values';
import { modelOptions } from '../../../connectors/cdc/change-records';
import type { PgOutputMessage } from '../../../connectors/cdc/pgoutput-decoder';
import { StreamingChanges, type StreamPosition } from '../../../connectors/cdc/streaming-changes';
import { tableFilter } from '../../../connectors/cdc/table-filter';
import { catalogPool } from './support/catalog-pool';

const types = {
  decimal: 'precise',
  time: 'adaptive',
  binary: 'bytes',
  interval: 'numeric',
} as const;
const pool = catalogPool({
  's.a': [
    { name: 'id', oid: 23, pk: true },
    { name: 'v', oid: 25, typeName: 'text' },
  ],
  's.b': [{ name: 'id', oid: 23, pk: true }],
});

function changes(resumeAfter: StreamPosition | null = null, transactionMetadata = true) {
  return new StreamingChanges(
    pool,
    {
      prefix: 'srv',
      db: 'postgres',
      model: modelOptions('srv', types),
      filter: tableFilter({
        schemaInclude: '',
        schemaExclude: '',
        tableInclude: '',
        tableExclude: '',
      }),
      skipped: new Set(['t']),
      tombstones: true,
      placeholder: '__u',
      partition: { server: 'srv' },
      transactionMetadata,
      transactionTopic: 'srv.transaction',
      clock: () => 1_000,
      onCommit: () => undefined,
    },
    resumeAfter,
  );
}

const relation = (relationId: number, table: string, columns: string[]): PgOutputMessage => ({
  kind: 'relation',
  relationId,
  schema: 's',
  table,
  replicaIdentity: 'd',
  columns: columns.map((name, i) => ({
    isKey: i === 0,
    name,
    typeOid: name === 'v' ? 25 : 23,
    typeModifier: -1,
  })),
});

/** One transaction: an insert into a, an insert into b, an update of a, a delete from a. */
const transaction: [bigint, PgOutputMessage][] = [
  [0x100n, { kind: 'begin', finalLsn: 0x200n, commitTimeUs: 1_700_000_000_123_000n, xid: 571 }],
  [0x101n, relation(1, 'a', ['id', 'v'])],
  [0x102n, relation(2, 'b', ['id'])],
  [0x110n, { kind: 'insert', relationId: 1, newTuple: ['1', 'x'] }],
  [0x120n, { kind: 'insert', relationId: 2, newTuple: ['9'] }],
  [0x130n, { kind: 'update', relationId: 1, oldKind: null, oldTuple: null, newTuple: ['1', 'y'] }],
  [0x140n, { kind: 'delete', relationId: 1, oldKind: 'K', oldTuple: ['1', null] }],
  [
    0x200n,
    { kind: 'commit', commitLsn: 0x200n, endLsn: 0x208n, commitTimeUs: 1_700_000_000_123_000n },
  ],
];

async function run(c: StreamingChanges): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for (const [lsn, message] of transaction) out.push(...(await c.handle({ lsn, message })));
  return out;
}

const summary = (records: readonly SourceRecord[]) =>
  records.map((r) => {
    const v = r.value as Record<string, unknown> | null;
    if (r.topic === 'srv.transaction') return `${String(v?.['status'])}`;
    if (v === null) return `${r.topic}:tombstone`;
    const t = v['transaction'] as Record<string, unknown>;
    return `${r.topic}:${String(v['op'])}:${String(t['total_order'])}/${String(t['data_collection_order'])}`;
  });

test('BEGIN, ordered transaction blocks and END with per-table counts', async () => {
  const records = await run(changes());
  expect(summary(records)).toEqual([
    'BEGIN',
    'srv.s.a:c:1/1',
    'srv.s.b:c:2/1',
    'srv.s.a:u:3/2',
    'srv.s.a:d:4/3',
    'srv.s.a:tombstone',
    'END',
  ]);
  const begin = records[0]!;
  const end = records[records.length - 1]!;
  expect(begin.key).toEqual({ id: '571:256' });
  expect(begin.keySchema?.name).toBe('io.debezium.connector.common.TransactionMetadataKey');
  expect(begin.valueSchema?.name).toBe('io.debezium.connector.common.TransactionMetadataValue');
  expect(begin.value).toEqual({
    status: 'BEGIN',
    id: '571:256',
    event_count: null,
    data_collections: null,
    ts_ms: 1_700_000_000_123n,
  });
  expect(end.value).toEqual({
    status: 'END',
    id: '571:256',
    event_count: 4n,
    data_collections: [
      { data_collection: 's.a', event_count: 3n },
      { data_collection: 's.b', event_count: 1n },
    ],
    ts_ms: 1_700_000_000_123n,
  });
  expect((records[1]!.value as Record<string, unknown>)['transaction']).toEqual({
    id: '571:256',
    total_order: 1n,
    data_collection_order: 1n,
  });
});

test('after a restart mid-transaction BEGIN is not repeated and END still counts every event', async () => {
  const first = await run(changes());
  const lastAcked = first[2]!.sourceOffset;
  const resumed = await run(
    changes({
      commitLsn: BigInt(Number(lastAcked['lsn_commit'])),
      index: Number(lastAcked['event_idx']),
    }),
  );
  expect(summary(resumed)).toEqual(['srv.s.a:u:3/2', 'srv.s.a:d:4/3', 'srv.s.a:tombstone', 'END']);
  expect((resumed[3]!.value as Record<string, unknown>)['event_count']).toBe(4n);
  const afterEnd = first[first.length - 1]!.sourceOffset;
  const nothing = await run(
    changes({
      commitLsn: BigInt(Number(afterEnd['lsn_commit'])),
      index: Number(afterEnd['event_idx']),
    }),
  );
  expect(nothing).toEqual([]);
});

test('without provide.transaction.metadata no transaction records and a null block', async () => {
  const records = await run(changes(null, false));
  expect(records.map((r) => r.topic)).not.toContain('srv.transaction');
  expect((records[0]!.value as Record<string, unknown>)['transaction']).toBeNull();
});

test('BEGIN and END records encode with the Avro converter schema mapping', async () => {
  const records = await run(changes());
  for (const r of [records[0]!, records[records.length - 1]!]) {
    const avro = connectToAvro(r.valueSchema!);
    expect(avro).toMatchObject({ name: 'io.debezium.connector.common.TransactionMetadataValue' });
    const type = avroType(avro);
    const decoded: unknown = type.fromBuffer(type.toBuffer(toAvroValue(r.valueSchema!, r.value)));
    expect(fromAvroValue(r.valueSchema!, decoded)).toEqual(r.value);
  }
});
