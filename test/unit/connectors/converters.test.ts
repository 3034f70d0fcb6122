import Decimal from 'decimal.js';
import {
  avroToConnect,
  avroType,
  bytesToDecimal,
  connectSchema,
  connectToAvro,
  dateSchema,
  decimalSchema,
  decimalToBytes,
  JsonConverter,
  NumberConverter,
  structSchema,
  timestampSchema,
} from '../../../connectors';

const customers = structSchema('customers', [
  { name: 'id', schema: connectSchema('INT32') },
  { name: 'nome', schema: connectSchema('STRING', { optional: true }) },
  { name: 'nascimento', schema: dateSchema(true) },
  { name: 'dt_update', schema: timestampSchema(true) },
  { name: 'saldo', schema: decimalSchema(2, 10, true) },
  { name: 'pontos', schema: connectSchema('INT16') },
]);

describe('converters', () => {
  it("maps a Connect struct to the Avro schema Confluent's AvroConverter registers", () => {
    expect(connectToAvro(customers)).toEqual({
      type: 'record',
      name: 'customers',
      'connect.name': 'customers',
      fields: [
        { name: 'id', type: 'int' },
        { name: 'nome', type: ['null', 'string'], default: null },
        {
          name: 'nascimento',
          type: [
            'null',
            {
              type: 'int',
              'connect.version': 1,
              'connect.name': 'org.apache.kafka.connect.data.Date',
              logicalType: 'date',
            },
          ],
          default: null,
        },
        {
          name: 'dt_update',
          type: [
            'null',
            {
              type: 'long',
              'connect.version': 1,
              'connect.name': 'org.apache.kafka.connect.data.Timestamp',
              logicalType: 'timestamp-millis',
            },
          ],
          default: null,
        },
        {
          name: 'saldo',
          type: [
            'null',
            {
              type: 'bytes',
              scale: 2,
              precision: 10,
              'connect.version': 1,
              'connect.parameters': { scale: '2', 'connect.decimal.precision': '10' },
              'connect.name': 'org.apache.kafka.connect.data.Decimal',
              logicalType: 'decimal',
            },
          ],
          default: null,
        },
        { name: 'pontos', type: { type: 'int', 'connect.type': 'int16' } },
      ],
    });
  });

  it('reads back its own Avro schema and a ksqlDB-style one', () => {
    expect(avroToConnect(connectToAvro(customers))).toEqual(customers);
    const ksql = {
      type: 'record',
      name: 'KsqlDataSourceSchema',
      namespace: 'io.confluent.ksql.avro_schemas',
      fields: [{ name: 'TOTAL', type: ['null', 'long'], default: null }],
    };
    expect(avroToConnect(ksql)).toEqual(
      structSchema('io.confluent.ksql.avro_schemas.KsqlDataSourceSchema', [
        { name: 'TOTAL', schema: connectSchema('INT64', { optional: true }) },
      ]),
    );
  });

  it('encodes 64-bit longs without losing precision', () => {
    const type = avroType(
      connectToAvro(structSchema('x', [{ name: 'big', schema: connectSchema('INT64') }])),
    );
    expect(type.fromBuffer(type.toBuffer({ big: 9007199254740993n }))).toEqual({
      big: 9007199254740993n,
    });
  });

  it.each(['0', '1.28', '-1.29', '123456789.01', '-0.01'])(
    "round-trips decimal %s through two's-complement bytes",
    (v) => {
      expect(bytesToDecimal(decimalToBytes(new Decimal(v), 2), 2).toFixed(2)).toBe(
        new Decimal(v).toFixed(2),
      );
    },
  );

  it("JsonConverter writes Connect's schema envelope and reads it back", async () => {
    const c = new JsonConverter();
    c.configure({});
    const schema = structSchema('t', [
      { name: 'id', schema: connectSchema('INT64') },
      { name: 'at', schema: timestampSchema(true) },
    ]);
    const bytes = await c.fromConnectData('t', schema, { id: 12345678901234567n, at: 1000 });
    expect(JSON.parse(bytes!.toString('utf8'))).toEqual({
      schema: {
        type: 'struct',
        name: 't',
        optional: false,
        fields: [
          { type: 'int64', optional: false, field: 'id' },
          {
            type: 'int64',
            optional: true,
            name: 'org.apache.kafka.connect.data.Timestamp',
            version: 1,
            field: 'at',
          },
        ],
      },
      payload: { id: 12345678901234568, at: 1000 },
    });
    expect(bytes!.toString('utf8')).toContain('"id":12345678901234567');
    expect((await c.toConnectData('t', bytes)).value).toEqual({ id: 12345678901234567n, at: 1000 });
  });

  it('JsonConverter without schemas reads plain JSON and rejects envelopes it cannot parse', async () => {
    const plain = new JsonConverter();
    plain.configure({ 'schemas.enable': 'false' });
    expect(await plain.toConnectData('t', Buffer.from('{"a":1}'))).toEqual({
      schema: null,
      value: { a: 1 },
    });
    const strict = new JsonConverter();
    strict.configure({});
    await expect(strict.toConnectData('t', Buffer.from('{"a":1}'))).rejects.toThrow(
      'JsonConverter with schemas.enable requires "schema" and "payload" fields',
    );
  });

  it("LongConverter reads Kafka's big-endian longs", async () => {
    const c = new NumberConverter('INT64');
    expect((await c.toConnectData('t', await c.fromConnectData('t', null, 42n))).value).toBe(42n);
  });
});
