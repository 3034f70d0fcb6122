import {
  connectSchema,
  ExtractNewRecordState,
  InsertField,
  optional,
  RegexRouter,
  ReplaceField,
  structSchema,
  TimestampConverter,
  ValueToKey,
  type ConnectRecord,
} from '../../../connectors';

const row = structSchema(
  'p.s.t.Value',
  [
    { name: 'id', schema: connectSchema('INT32') },
    { name: 'name', schema: optional(connectSchema('STRING')) },
  ],
  true,
);
const source = structSchema('io.debezium.connector.postgresql.Source', [
  { name: 'table', schema: connectSchema('STRING') },
  { name: 'lsn', schema: optional(connectSchema('INT64')) },
  { name: 'ts_ms', schema: connectSchema('INT64') },
]);
const envelope = structSchema('p.s.t.Envelope', [
  { name: 'before', schema: row },
  { name: 'after', schema: row },
  { name: 'source', schema: source },
  { name: 'op', schema: connectSchema('STRING') },
]);

function change(op: string, before: unknown, after: unknown): ConnectRecord {
  return {
    topic: 'p.s.t',
    kafkaPartition: 0,
    keySchema: null,
    key: { id: 1 },
    valueSchema: envelope,
    value: { before, after, source: { table: 't', lsn: 99n, ts_ms: 5n }, op },
    timestamp: 1000,
    headers: [],
  };
}

function unwrap(props: Record<string, string>): ExtractNewRecordState {
  const t = new ExtractNewRecordState();
  t.configure(props);
  return t;
}

test('unwrap replaces the envelope with after, adds __ fields and headers', () => {
  const out = unwrap({ 'add.fields': 'op,table,lsn,source.ts_ms', 'add.headers': 'op' }).apply(
    change('u', null, { id: 1, name: 'a' }),
  )!;
  expect(out.value).toEqual({
    id: 1,
    name: 'a',
    __op: 'u',
    __table: 't',
    __lsn: 99n,
    __source_ts_ms: 5n,
  });
  expect(out.valueSchema!.fields!.map((f) => f.name)).toEqual([
    'id',
    'name',
    '__op',
    '__table',
    '__lsn',
    '__source_ts_ms',
  ]);
  expect(out.headers).toEqual([{ key: '__op', value: 'u' }]);
});

test('unwrap delete.handling.mode drop, none and rewrite; drop.tombstones', () => {
  const del = change('d', { id: 1, name: 'a' }, null);
  expect(unwrap({}).apply(del)).toBeNull();
  expect(unwrap({ 'delete.handling.mode': 'none' }).apply(del)!.value).toBeNull();
  expect(unwrap({ 'delete.handling.mode': 'rewrite' }).apply(del)!.value).toEqual({
    id: 1,
    name: 'a',
    __deleted: 'true',
  });
  const tomb = { ...del, value: null, valueSchema: null };
  expect(unwrap({}).apply(tomb)).toBeNull();
  expect(unwrap({ 'drop.tombstones': 'false' }).apply(tomb)).toBe(tomb);
});

test('InsertField, ReplaceField, ValueToKey, RegexRouter and TimestampConverter', () => {
  const rec: ConnectRecord = {
    ...change('c', null, null),
    valueSchema: row,
    value: { id: 3, name: 'x' },
  };
  const insert = new InsertField('value');
  insert.configure({ 'topic.field': 'src_topic', 'static.field': 'origin', 'static.value': 'pg' });
  expect(insert.apply(rec)!.value).toEqual({ id: 3, name: 'x', src_topic: 'p.s.t', origin: 'pg' });

  const replace = new ReplaceField('value');
  replace.configure({ exclude: 'name', renames: 'id:order_id' });
  const replaced = replace.apply(rec)!;
  expect(replaced.value).toEqual({ order_id: 3 });
  expect(replaced.valueSchema!.fields!.map((f) => f.name)).toEqual(['order_id']);

  const toKey = new ValueToKey();
  toKey.configure({ fields: 'id' });
  const keyed = toKey.apply(rec)!;
  expect(keyed.key).toEqual({ id: 3 });
  expect(keyed.keySchema!.fields![0]!.schema.type).toBe('INT32');

  const router = new RegexRouter();
  router.configure({ regex: '([^.]+)\\.([^.]+)\\.([^.]+)', replacement: 'bronze_$3' });
  expect(router.apply(rec)!.topic).toBe('bronze_t');

  const ts = new TimestampConverter('value');
  ts.configure({ field: 'at', 'target.type': 'string', format: "yyyy-MM-dd'T'HH:mm:ss" });
  const withTs: ConnectRecord = { ...rec, valueSchema: null, value: { at: 86_400_000 } };
  expect((ts.apply(withTs)!.value as { at: string }).at).toBe('1970-01-02T00:00:00');
  const back = new TimestampConverter('value');
  back.configure({ field: 'at', 'target.type': 'Timestamp', format: 'yyyy-MM-dd' });
  expect(
    (
      back.apply({ ...rec, valueSchema: null, value: { at: '1970-01-03' } })!.value as unknown as {
        at: number;
      }
    ).at,
  ).toBe(172_800_000);
});
