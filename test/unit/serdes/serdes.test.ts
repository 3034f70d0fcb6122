import Decimal from 'decimal.js';
import {
  createSerdeFactory,
  InMemorySchemaRegistry,
  type Column,
  type FormatName,
  type SerdeRequest,
} from '../../../topology/serdes';
import { SqlTypes as T } from '../../../topology/spec';

const factory = createSerdeFactory({ schemaRegistry: new InMemorySchemaRegistry() });

function serde(
  format: FormatName,
  columns: Column[],
  extra: Partial<SerdeRequest> = {},
  properties: Record<string, string> = {},
) {
  return factory.create({
    topic: 'topic',
    isKey: false,
    format: { format, properties },
    columns,
    ...extra,
  });
}

const text = (b: Buffer | null) => b?.toString('utf8');

describe('KAFKA format', () => {
  it('uses Kafka serializer layouts for primitives', async () => {
    const int = serde('KAFKA', [{ name: 'K', type: T.integer }], { isKey: true });
    expect((await int.serialize([6]))!.toString('hex')).toBe('00000006');
    const big = serde('KAFKA', [{ name: 'K', type: T.bigint }], { isKey: true });
    expect((await big.serialize([6n]))!.toString('hex')).toBe('0000000000000006');
    expect((await big.deserialize(Buffer.from('0000000000000006', 'hex'))).row).toEqual([6n]);
    const dbl = serde('KAFKA', [{ name: 'V', type: T.double }]);
    expect((await dbl.deserialize(await dbl.serialize([1.5]))).row).toEqual([1.5]);
  });

  it('rejects other types and several columns at creation, and wrong sizes when reading', async () => {
    expect(() => serde('KAFKA', [{ name: 'A', type: T.array(T.integer) }])).toThrow('KAFKA');
    expect(() =>
      serde('KAFKA', [
        { name: 'A', type: T.integer },
        { name: 'B', type: T.integer },
      ]),
    ).toThrow('single column');
    await expect(
      serde('KAFKA', [{ name: 'K', type: T.integer }]).deserialize(Buffer.alloc(3)),
    ).rejects.toThrow('not valid');
  });
});

describe('JSON format', () => {
  const columns: Column[] = [
    { name: 'D', type: T.double },
    { name: 'X', type: T.decimal(4, 2) },
    { name: 'B', type: T.bigint },
    { name: 'BY', type: T.bytes },
    { name: 'M', type: T.map(T.string, T.array(T.integer)) },
    { name: 'S', type: T.struct([{ name: 'Inner', type: T.string }]) },
  ];

  it('writes upper-case fields, exact decimals and bigints, Java doubles and base64 bytes', async () => {
    const row = [
      1e7,
      new Decimal(10),
      4611686018427387904n,
      Buffer.from('hi'),
      new Map([['k', [1, null]]]),
      { Inner: 'x' },
    ];
    expect(text(await serde('JSON', columns).serialize(row))).toBe(
      '{"D":1.0E7,"X":10.00,"B":4611686018427387904,"BY":"aGk=","M":{"k":[1,null]},"S":{"Inner":"x"}}',
    );
  });

  it('writes DOUBLEs with the digits of Java 17, not the shortest ones', async () => {
    const s = serde('JSON', [
      { name: 'A', type: T.double },
      { name: 'B', type: T.double },
      { name: 'C', type: T.decimal(2, 1) },
    ]);
    expect(text(await s.serialize([2 ** 62, 1e23, new Decimal(9)]))).toBe(
      '{"A":4.6116860184273879E18,"B":9.999999999999999E22,"C":9.0}',
    );
  });

  it('reads field names case-insensitively and coerces numbers exactly', async () => {
    const bytes = Buffer.from(
      '{"d":3,"x":"1.5","b":4611686018427387905,"s":{"INNER":"y"},"extra":1}',
    );
    const { row } = await serde('JSON', columns).deserialize(bytes);
    expect(row![0]).toBe(3);
    expect((row![1] as Decimal).toFixed(2)).toBe('1.50');
    expect(row![2]).toBe(4611686018427387905n);
    expect(row![3]).toBeNull();
    expect(row![5]).toEqual({ Inner: 'y' });
  });

  it('reads temporal text and renders nested JSON into STRING columns exactly', async () => {
    const cols: Column[] = [
      { name: 'TS', type: T.timestamp },
      { name: 'D', type: T.date },
      { name: 'T', type: T.time },
      { name: 'S', type: T.string },
    ];
    const bytes = Buffer.from(
      '{"ts":"2021-03-04T10:11:12.345","d":"1970-01-11","t":"00:00:01.5","s":{"a":1.50}}',
    );
    expect((await serde('JSON', cols).deserialize(bytes)).row).toEqual([
      1614852672345,
      10,
      1500,
      '{"a":1.50}',
    ]);
  });

  it('truncates fractional numbers into INT columns, as ksqlDB does', async () => {
    const { row } = await serde('JSON', [{ name: 'V', type: T.integer }]).deserialize(
      Buffer.from('{"V":-1.7}'),
    );
    expect(row).toEqual([-1]);
  });

  it('writes a single key column and unwrapped values bare, several key columns as an object', async () => {
    const key = serde('JSON', [{ name: 'ID', type: T.string }], { isKey: true });
    expect(text(await key.serialize(['a']))).toBe('"a"');
    const unwrapped = factory.create({
      topic: 't',
      isKey: false,
      columns: [{ name: 'V', type: T.double }],
      format: { format: 'JSON', properties: {}, wrapSingleValue: false },
    });
    expect(text(await unwrapped.serialize([3]))).toBe('3.0');
    const multi = serde(
      'JSON',
      [
        { name: 'A', type: T.integer },
        { name: 'B', type: T.string },
      ],
      { isKey: true },
    );
    expect(text(await multi.serialize([1, 'x']))).toBe('{"A":1,"B":"x"}');
  });

  it('treats null bytes as a tombstone and rejects malformed JSON', async () => {
    expect((await serde('JSON', columns).deserialize(null)).row).toBeNull();
    await expect(serde('JSON', columns).deserialize(Buffer.from('{"d":'))).rejects.toThrow(
      'Failed to deserialize JSON',
    );
  });
});

describe('DELIMITED format', () => {
  const cols: Column[] = [
    { name: 'A', type: T.integer },
    { name: 'B', type: T.string },
    { name: 'C', type: T.double },
  ];

  it('quotes minimally, like Apache Commons CSV', async () => {
    const s = serde('DELIMITED', cols);
    expect(text(await s.serialize([-10, 'x', 0]))).toBe('"-10",x,0.0');
    expect(text(await s.serialize([1, ' lead', 1e7]))).toBe('1," lead",1.0E7');
    expect(text(await s.serialize([1, 'a,b "q"', null]))).toBe('1,"a,b ""q""",');
    expect(text(await s.serialize([1, '#tag', 2]))).toBe('1,"#tag",2.0');
  });

  it('reads quoted fields, empty fields as NULL, and checks the field count', async () => {
    const s = serde('DELIMITED', cols);
    expect((await s.deserialize(Buffer.from('"-10","a,b ""q""",'))).row).toEqual([
      -10,
      'a,b "q"',
      null,
    ]);
    await expect(s.deserialize(Buffer.from('1,2'))).rejects.toThrow('field count');
  });

  it('supports TAB and SPACE delimiters and keeps DECIMAL scale', async () => {
    const tab = serde(
      'DELIMITED',
      [
        { name: 'A', type: T.decimal(5, 2) },
        { name: 'B', type: T.string },
      ],
      {},
      { VALUE_DELIMITER: 'TAB' },
    );
    expect(text(await tab.serialize([new Decimal(1), 'x y']))).toBe('1.00\tx y');
    const space = serde(
      'DELIMITED',
      [
        { name: 'A', type: T.integer },
        { name: 'B', type: T.string },
      ],
      {},
      { delimiter: 'SPACE' },
    );
    expect(text(await space.serialize([1, 'x y']))).toBe('1 "x y"');
  });

  it('rejects structured columns at creation', () => {
    expect(() => serde('DELIMITED', [{ name: 'A', type: T.array(T.integer) }])).toThrow(
      'DELIMITED',
    );
  });
});

describe('windowed keys', () => {
  const inner: Column[] = [{ name: 'K', type: T.string }];

  it('appends the 8-byte start for time windows and rebuilds the end from the size', async () => {
    const s = serde('KAFKA', inner, { isKey: true, window: { type: 'TUMBLING', sizeMs: 1000 } });
    const bytes = (await s.serialize(['a'], { start: 5000, end: 6000 }))!;
    expect(bytes.toString('hex')).toBe('61' + '0000000000001388');
    expect(await s.deserialize(bytes)).toEqual({ row: ['a'], window: { start: 5000, end: 6000 } });
  });

  it('appends end then start for session windows', async () => {
    const s = serde('KAFKA', inner, { isKey: true, window: { type: 'SESSION' } });
    const bytes = (await s.serialize(['a'], { start: 1, end: 2 }))!;
    expect(bytes.toString('hex')).toBe('61' + '0000000000000002' + '0000000000000001');
    expect(await s.deserialize(bytes)).toEqual({ row: ['a'], window: { start: 1, end: 2 } });
  });
});
