import {
  avroToConnect,
  avroType,
  connectSchema,
  connectToAvro,
  optional,
  structSchema,
} from '../../../connectors';

const value = structSchema(
  'my-server.public.orders.Value',
  [
    { name: 'id', schema: connectSchema('INT32') },
    { name: 'note', schema: optional(connectSchema('STRING')) },
  ],
  true,
);
const snapshot = connectSchema('STRING', {
  optional: true,
  name: 'io.debezium.data.Enum',
  version: 1,
  parameters: { allowed: 'true,last,false' },
  defaultValue: 'false',
});
const envelope = structSchema('my-server.public.orders.Envelope', [
  { name: 'before', schema: value },
  { name: 'after', schema: value },
  {
    name: 'source',
    schema: structSchema('io.debezium.Source', [{ name: 'snapshot', schema: snapshot }]),
  },
  { name: 'op', schema: connectSchema('STRING') },
]);

type Fields = { name: string; type: unknown; default?: unknown }[];

describe('Avro schemas of Debezium envelopes', () => {
  const avro = connectToAvro(envelope) as { name: string; fields: Fields };

  it('defines the row record once and refers to it by name for the second use', () => {
    const [before, after] = avro.fields;
    expect((before!.type as [string, { name: string }])[1].name).toBe(
      'my_server.public.orders.Value',
    );
    expect(after!.type).toEqual(['null', 'my_server.public.orders.Value']);
  });

  it('is accepted by avsc and round-trips an update event', () => {
    const type = avroType(avro);
    const event = {
      before: { id: 1, note: 'a' },
      after: { id: 1, note: 'b' },
      source: { snapshot: 'false' },
      op: 'u',
    };
    expect(type.fromBuffer(type.toBuffer(event))).toEqual(event);
  });

  it('keeps the Connect default of an optional enum, with the default branch first', () => {
    const source = avro.fields[2]!.type as { fields: Fields };
    expect(source.fields[0]).toEqual({
      name: 'snapshot',
      type: [
        {
          type: 'string',
          'connect.version': 1,
          'connect.parameters': { allowed: 'true,last,false' },
          'connect.default': 'false',
          'connect.name': 'io.debezium.data.Enum',
        },
        'null',
      ],
      default: 'false',
    });
  });

  it('reads the schema back with names, references and defaults intact', () => {
    const back = avroToConnect(avro);
    expect(back.fields?.[1]?.schema.fields?.map((f) => f.name)).toEqual(['id', 'note']);
    expect(back.fields?.[1]?.schema.name).toBe('my-server.public.orders.Value');
    expect(back.fields?.[2]?.schema.fields?.[0]?.schema).toEqual(snapshot);
  });

  it('adjusts invalid name characters to _uxxxx in avro_unicode mode', () => {
    const unicode = connectToAvro(envelope, 'avro_unicode') as { name: string };
    expect(unicode.name).toBe('my_u002dserver.public.orders.Envelope');
  });

  it('prefixes a name segment that starts with a digit', () => {
    const s = connectToAvro(structSchema('1srv.public.t.Value', [])) as { name: string };
    expect(s.name).toBe('_1srv.public.t.Value');
  });
});
