import Decimal from 'decimal.js';
import {
  avroSchemaFor,
  createSerdeFactory,
  inferColumnsFromAvroSchema,
  InMemorySchemaRegistry,
  type Column,
} from '../../../topology/serdes';
import { SqlTypes as T } from '../../../topology/spec';

const columns: Column[] = [
  { name: 'ID', type: T.bigint },
  { name: 'PRICE', type: T.decimal(10, 2) },
  { name: 'DAY', type: T.date },
  { name: 'TAGS', type: T.array(T.string) },
  { name: 'ATTRS', type: T.map(T.string, T.double) },
  { name: 'ADDRESS', type: T.struct([{ name: 'CITY', type: T.string }]) },
];

describe('AVRO format', () => {
  it('derives the schema ksqlDB registers', () => {
    const schema = avroSchemaFor(columns) as {
      name: string;
      namespace: string;
      fields: { name: string; type: unknown; default: null }[];
    };
    expect(schema.name).toBe('KsqlDataSourceSchema');
    expect(schema.namespace).toBe('io.confluent.ksql.avro_schemas');
    expect(schema.fields[1]).toEqual({
      name: 'PRICE',
      type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 }],
      default: null,
    });
    expect(schema.fields[5]!.type).toEqual([
      'null',
      {
        type: 'record',
        name: 'KsqlDataSourceSchema_ADDRESS',
        fields: [{ name: 'CITY', type: ['null', 'string'], default: null }],
      },
    ]);
  });

  it('round-trips a row in the Confluent wire format and registers under <topic>-value', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'orders',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns,
    });
    const row = [
      9007199254740993n,
      new Decimal('10.5'),
      19000,
      ['a', null],
      new Map([['x', 1.5]]),
      { CITY: 'Paris' },
    ];
    const bytes = (await serde.serialize(row))!;
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe((await registry.latest('orders-value'))!.id);
    const back = (await serde.deserialize(bytes)).row!;
    expect(back[0]).toBe(9007199254740993n);
    expect((back[1] as Decimal).toFixed(2)).toBe('10.50');
    expect(back.slice(2)).toEqual([19000, ['a', null], new Map([['x', 1.5]]), { CITY: 'Paris' }]);
  });

  it('round-trips a DECIMAL(33, 16) with all its 33 digits', async () => {
    const serde = createSerdeFactory({ schemaRegistry: new InMemorySchemaRegistry() }).create({
      topic: 'big',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: [{ name: 'V', type: T.decimal(33, 16) }],
    });
    const v = new Decimal('-12345678987654321.2345678987654321');
    const back = (await serde.deserialize(await serde.serialize([v]))).row!;
    expect((back[0] as Decimal).toFixed(16)).toBe('-12345678987654321.2345678987654321');
  });

  it('round-trips nested arrays of structs holding maps and decimals', async () => {
    const element = T.struct([
      { name: 'A', type: T.string },
      { name: 'M', type: T.map(T.string, T.double) },
      { name: 'D', type: T.decimal(4, 1) },
    ]);
    const cols: Column[] = [{ name: 'COLLECTED', type: T.array(T.array(element)) }];
    const serde = createSerdeFactory({ schemaRegistry: new InMemorySchemaRegistry() }).create({
      topic: 'nested',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: cols,
    });
    const value = [[{ A: 'x', M: new Map([['k', 1.5]]), D: new Decimal('-12.3') }, null]];
    const back = (await serde.deserialize(await serde.serialize([value]))).row!;
    const first = (back[0] as unknown[][])[0]!;
    expect((first[0] as { A: string }).A).toBe('x');
    expect((first[0] as { M: Map<string, number> }).M).toEqual(new Map([['k', 1.5]]));
    expect((first[0] as { D: Decimal }).D.toFixed(1)).toBe('-12.3');
    expect(first[1]).toBeNull();
  });

  it("reads records written with another compatible schema by the writer's id", async () => {
    const registry = new InMemorySchemaRegistry();
    const factory = createSerdeFactory({ schemaRegistry: registry });
    const v1 = factory.create({
      topic: 't',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: [{ name: 'ID', type: T.integer }],
    });
    const bytes = (await v1.serialize([7]))!;
    const v2 = factory.create({
      topic: 't2',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: [
        { name: 'ID', type: T.bigint },
        { name: 'NAME', type: T.string },
      ],
    });
    expect((await v2.deserialize(bytes)).row).toEqual([7n, null]);
  });

  it('writes with a pinned schema id, matching its field names case-insensitively', async () => {
    const registry = new InMemorySchemaRegistry();
    const schema = {
      type: 'record',
      name: 'blah',
      fields: [
        { name: 'id', type: ['null', 'long'], default: null },
        { name: 'extra', type: ['null', 'string'], default: null },
      ],
    };
    registry.registerWithId('pinned-value', schema, 42);
    const serde = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'pinned',
      isKey: false,
      format: { format: 'AVRO', properties: { schemaId: '42' } },
      columns: [{ name: 'ID', type: T.bigint }],
    });
    const bytes = (await serde.serialize([7n]))!;
    expect(bytes.readInt32BE(1)).toBe(42);
    expect((await serde.deserialize(bytes)).row).toEqual([7n]);
  });

  it('writes a BIGINT key with a pinned schema spelled {"type": "long"}', async () => {
    const registry = new InMemorySchemaRegistry();
    registry.registerWithId('right_topic-key', { type: 'long' }, 201);
    const serde = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'right_topic',
      isKey: true,
      format: { format: 'AVRO', properties: { schemaId: '201' } },
      columns: [{ name: 'ID', type: T.bigint }],
    });
    const bytes = (await serde.serialize([9007199254740993n]))!;
    expect(bytes.readInt32BE(1)).toBe(201);
    expect((await serde.deserialize(bytes)).row).toEqual([9007199254740993n]);
  });

  it('fills the defaults of a pinned schema for NULLs in non-null fields and for fields no column feeds', async () => {
    const registry = new InMemorySchemaRegistry();
    const schema = {
      type: 'record',
      name: 'Transaction',
      fields: [
        { name: 'eventID', type: 'string' },
        {
          name: 'transaction',
          type: {
            type: 'record',
            name: 'transaction',
            fields: [
              { name: 'num_shares', type: 'int', default: 0 },
              { name: 'amount', type: ['null', 'int'] },
            ],
          },
        },
        { name: 'optField', type: 'string', default: 'foo' },
      ],
    };
    registry.registerWithId('model-value', schema, 102);
    const serde = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'model',
      isKey: false,
      format: { format: 'AVRO', properties: { schemaId: '102' } },
      columns: [
        { name: 'eventID', type: T.string },
        {
          name: 'transaction',
          type: T.struct([
            { name: 'num_shares', type: T.integer },
            { name: 'amount', type: T.integer },
          ]),
        },
      ],
    });
    const bytes = (await serde.serialize(['1', { num_shares: null, amount: null }]))!;
    const withOptField = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'model',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: [
        { name: 'eventID', type: T.string },
        {
          name: 'transaction',
          type: T.struct([
            { name: 'num_shares', type: T.integer },
            { name: 'amount', type: T.integer },
          ]),
        },
        { name: 'optField', type: T.string },
      ],
    });
    expect((await withOptField.deserialize(bytes)).row).toEqual([
      '1',
      { num_shares: 0, amount: null },
      'foo',
    ]);
  });

  it('reads a single-field Connect struct key into a single key column', async () => {
    const registry = new InMemorySchemaRegistry();
    const factory = createSerdeFactory({ schemaRegistry: registry });
    const structKey = factory.create({
      topic: 'connect',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: [{ name: 'id', type: T.integer }],
    });
    const bytes = (await structKey.serialize([5]))!;
    const key = factory.create({
      topic: 'connect',
      isKey: true,
      format: { format: 'AVRO', properties: {} },
      columns: [{ name: 'ID', type: T.bigint }],
    });
    expect((await key.deserialize(bytes)).row).toEqual([5n]);
  });

  it('infers columns from a registered schema, upper-casing names unless asked to keep them', () => {
    expect(inferColumnsFromAvroSchema(avroSchemaFor(columns))).toEqual(columns);
    const schema = {
      type: 'record',
      name: 'r',
      fields: [
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'f', type: 'float' },
        {
          name: 'addr',
          type: { type: 'record', name: 'a', fields: [{ name: 'city', type: 'string' }] },
        },
      ],
    };
    expect(inferColumnsFromAvroSchema(schema)).toEqual([
      { name: 'TS', type: T.timestamp },
      { name: 'F', type: T.double },
      { name: 'ADDR', type: T.struct([{ name: 'CITY', type: T.string }]) },
    ]);
    expect(inferColumnsFromAvroSchema(schema, { preserveCase: true })[0]).toEqual({
      name: 'ts',
      type: T.timestamp,
    });
  });

  it('infers one ROWVAL STRUCT column from a record schema when values are unwrapped', () => {
    const schema = { type: 'record', name: 'r', fields: [{ name: 'F0', type: ['null', 'int'] }] };
    expect(inferColumnsFromAvroSchema(schema, { unwrapped: true })).toEqual([
      { name: 'ROWVAL', type: T.struct([{ name: 'F0', type: T.integer }]) },
    ]);
  });

  it('reads a record into one unwrapped ROWVAL STRUCT column (WRAP_SINGLE_VALUE=false)', async () => {
    const registry = new InMemorySchemaRegistry();
    const schema = { type: 'record', name: 'r', fields: [{ name: 'F0', type: ['null', 'int'] }] };
    const writer = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'input_topic',
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns: [{ name: 'F0', type: T.integer }],
    });
    const bytes = await writer.serialize([1]);
    const reader = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: 'input_topic',
      isKey: false,
      format: { format: 'AVRO', properties: {}, wrapSingleValue: false },
      columns: inferColumnsFromAvroSchema(schema, { unwrapped: true }),
    });
    expect((await reader.deserialize(bytes)).row).toEqual([{ F0: 1 }]);
  });

  it('infers Kafka Connect logical types, taking a missing decimal precision from connect.parameters', () => {
    const connect = {
      type: 'record',
      name: 'customers',
      fields: [
        {
          name: 'nascimento',
          type: [
            'null',
            {
              type: 'int',
              'connect.name': 'org.apache.kafka.connect.data.Date',
              logicalType: 'date',
            },
          ],
          default: null,
        },
        {
          name: 'dt_update',
          type: {
            type: 'long',
            'connect.name': 'org.apache.kafka.connect.data.Timestamp',
            logicalType: 'timestamp-millis',
          },
        },
        {
          name: 'saldo',
          type: {
            type: 'bytes',
            scale: 2,
            logicalType: 'decimal',
            'connect.parameters': { scale: '2', 'connect.decimal.precision': '12' },
          },
        },
        { name: 'total', type: { type: 'bytes', scale: 4, logicalType: 'decimal' } },
      ],
    };
    expect(inferColumnsFromAvroSchema(connect)).toEqual([
      { name: 'NASCIMENTO', type: T.date },
      { name: 'DT_UPDATE', type: T.timestamp },
      { name: 'SALDO', type: T.decimal(12, 2) },
      { name: 'TOTAL', type: T.decimal(38, 4) },
    ]);
  });

  it('needs a registry', () => {
    expect(() =>
      createSerdeFactory().create({
        topic: 't',
        isKey: false,
        format: { format: 'AVRO', properties: {} },
        columns,
      }),
    ).toThrow('schema registry');
  });
});
