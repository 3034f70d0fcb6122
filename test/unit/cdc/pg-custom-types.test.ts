import {
  columnMapping,
  parseHstoreText,
  type PgTypeInfo,
  type TypeOptions,
} from '../../../connectors/cdc/pg-type-mapping';

const o: TypeOptions = {
  decimal: 'precise',
  time: 'adaptive',
  binary: 'bytes',
  interval: 'numeric',
};
const mood: PgTypeInfo = { name: 'mood', enumLabels: ['sad', 'ok', 'happy'], element: null };
const hstore: PgTypeInfo = { name: 'hstore', enumLabels: null, element: null };
const arrayOf = (oid: number, info: PgTypeInfo): PgTypeInfo => ({
  name: `_${info.name}`,
  enumLabels: null,
  element: { oid, info },
});

test('enums are io.debezium.data.Enum strings listing the labels in sort order', () => {
  const m = columnMapping(16_500, -1, o, mood);
  expect(m.schema).toEqual({
    type: 'STRING',
    optional: false,
    name: 'io.debezium.data.Enum',
    version: 1,
    parameters: { allowed: 'sad,ok,happy' },
  });
  expect(m.convert('happy')).toBe('happy');
});

test('enum arrays are arrays of optional Enum strings', () => {
  const m = columnMapping(16_499, -1, o, arrayOf(16_500, mood));
  expect(m.schema.type).toBe('ARRAY');
  expect(m.schema.valueSchema).toMatchObject({
    type: 'STRING',
    optional: true,
    name: 'io.debezium.data.Enum',
    parameters: { allowed: 'sad,ok,happy' },
  });
  expect(m.convert('{sad,NULL,happy}')).toEqual(['sad', null, 'happy']);
});

test('hstore is a Json string by default and a map with hstore.handling.mode=map', () => {
  const text = '"a"=>"1", "b c"=>NULL, "q\\"uote"=>"x\\\\y"';
  expect(parseHstoreText(text)).toEqual([
    ['a', '1'],
    ['b c', null],
    ['q"uote', 'x\\y'],
  ]);
  const json = columnMapping(16_600, -1, o, hstore);
  expect(json.schema).toMatchObject({ type: 'STRING', name: 'io.debezium.data.Json' });
  expect(json.convert(text)).toBe('{"a":"1","b c":null,"q\\"uote":"x\\\\y"}');
  const map = columnMapping(16_600, -1, { ...o, hstore: 'map' }, hstore);
  expect(map.schema).toMatchObject({
    type: 'MAP',
    keySchema: { type: 'STRING', optional: false },
    valueSchema: { type: 'STRING', optional: true },
  });
  expect(map.convert(text)).toEqual(
    new Map([
      ['a', '1'],
      ['b c', null],
      ['q"uote', 'x\\y'],
    ]),
  );
  expect(json.convert('')).toBe('{}');
});

test('arrays of bytea, time, interval and money map element-wise', () => {
  expect(columnMapping(1001, -1, o).convert('{"\\\\x0aff",NULL}')).toEqual([
    Buffer.from([10, 255]),
    null,
  ]);
  expect(columnMapping(1183, -1, o).convert('{00:00:01}')).toEqual([1_000_000n]);
  expect(columnMapping(1187, -1, o).convert('{"1 day"}')).toEqual([86_400_000_000n]);
  expect(columnMapping(1002, -1, o).convert('{a,b}')).toEqual(['a', 'b']);
  const money = columnMapping(791, -1, o).convert('{$1.50}') as unknown[];
  expect(String(money[0])).toBe('1.5');
});

test('types the catalog describes but Brook knows by OID keep their usual mapping', () => {
  const int4 = columnMapping(23, -1, o, { name: 'int4', enumLabels: null, element: null });
  expect(int4.schema.type).toBe('INT32');
  const int4s = columnMapping(
    1007,
    -1,
    o,
    arrayOf(23, { name: 'int4', enumLabels: null, element: null }),
  );
  expect(int4s.convert('{1,2}')).toEqual([1, 2]);
});
