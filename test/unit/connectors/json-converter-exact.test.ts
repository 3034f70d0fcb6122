import Decimal from 'decimal.js';
import { parse } from 'lossless-json';
import { connectSchema, decimalSchema, JsonConverter, structSchema } from '../../../connectors';

const schema = structSchema('t.Value', [
  { name: 'id', schema: connectSchema('INT64') },
  { name: 'ts_ns', schema: connectSchema('INT64', { optional: true }) },
  { name: 'label', schema: connectSchema('STRING', { optional: true }) },
  { name: 'ratio', schema: connectSchema('FLOAT64', { optional: true }) },
  { name: 'amount', schema: decimalSchema(2, 12, true) },
]);

function converter(): JsonConverter {
  const c = new JsonConverter();
  c.configure({});
  return c;
}

describe('JsonConverter exact numbers and repeated schemas', () => {
  it('round-trips integers beyond 2^53 exactly, leaving digit strings and decimals alone', async () => {
    const value = {
      id: -9_223_372_036_854_775_807n,
      ts_ns: 1_763_790_000_123_456_789n,
      label: '12345678901234567890',
      ratio: 0.12345678901234568,
      amount: new Decimal('12.25'),
    };
    const c = converter();
    const bytes = (await c.fromConnectData('t', schema, value))!;
    const text = bytes.toString('utf8');
    expect(text).toContain('"id":-9223372036854775807');
    expect(text).toContain('"ts_ns":1763790000123456789');
    expect((parse(text) as { payload: { label: string } }).payload.label).toBe(
      '12345678901234567890',
    );
    // The first read learns the schema text, the second takes the payload-only path.
    for (let i = 0; i < 2; i++) {
      const back = await c.toConnectData('t', bytes);
      const v = back.value as Record<string, unknown>;
      expect(v['id']).toBe(-9_223_372_036_854_775_807n);
      expect(v['ts_ns']).toBe(1_763_790_000_123_456_789n);
      expect(v['label']).toBe('12345678901234567890');
      expect(v['ratio']).toBe(0.12345678901234568);
      expect((v['amount'] as Decimal).toString()).toBe('12.25');
    }
  });

  it('shares one schema object across records with the same schema text', async () => {
    const c = converter();
    const a = (await c.fromConnectData('t', schema, { id: 1n, amount: new Decimal(1) }))!;
    const b = (await c.fromConnectData('t', schema, { id: 2n, amount: new Decimal(2) }))!;
    const first = await c.toConnectData('t', a);
    const second = await c.toConnectData('t', b);
    expect(second.schema).toBe(first.schema);
    expect((second.value as { id: bigint }).id).toBe(2n);
  });

  it('does not take a known schema for a record with trailing fields, and still rejects junk', async () => {
    const c = converter();
    const a = (await c.fromConnectData('t', schema, { id: 1n, amount: new Decimal(1) }))!;
    await c.toConnectData('t', a);
    const withExtra = Buffer.from(`${a.toString('utf8').slice(0, -1)},"extra":1}`);
    const read = await c.toConnectData('t', withExtra);
    expect((read.value as { id: bigint }).id).toBe(1n);
    const broken = Buffer.from(`${a.toString('utf8').slice(0, -1)},}`);
    await expect(c.toConnectData('t', broken)).rejects.toThrow('not valid JSON');
  });

  it('writes nested structs, arrays, maps and bytes as the schema-less encoding would', async () => {
    const inner = structSchema('t.Inner', [
      { name: 'name', schema: connectSchema('STRING') },
      { name: 'tags', schema: { ...connectSchema('ARRAY'), valueSchema: connectSchema('STRING') } },
    ]);
    const outer = structSchema('t.Outer', [
      { name: 'before', schema: { ...inner, optional: true } },
      { name: 'after', schema: inner },
      { name: 'raw', schema: connectSchema('BYTES') },
      {
        name: 'attrs',
        schema: {
          ...connectSchema('MAP'),
          keySchema: connectSchema('STRING'),
          valueSchema: connectSchema('INT32'),
        },
      },
      { name: 'flag', schema: connectSchema('BOOLEAN') },
    ]);
    const c = converter();
    const bytes = (await c.fromConnectData('t', outer, {
      before: null,
      after: { name: 'a "quoted" \u00e9 name', tags: ['x', 'y'] },
      raw: Buffer.from([1, 2, 3]),
      attrs: new Map([['k', 7]]),
      flag: true,
    }))!;
    expect((JSON.parse(bytes.toString('utf8')) as { payload: unknown }).payload).toEqual({
      before: null,
      after: { name: 'a "quoted" \u00e9 name', tags: ['x', 'y'] },
      raw: Buffer.from([1, 2, 3]).toString('base64'),
      attrs: { k: 7 },
      flag: true,
    });
  });

  it('reads long integers exactly next to strings with escaped quotes and long non-integers', async () => {
    const c = converter();
    const schemaText = (await c.fromConnectData('t', schema, { id: 1n, amount: new Decimal(1) }))!
      .toString('utf8')
      .split(',"payload":')[0]!;
    const record = (payload: string) => Buffer.from(`${schemaText},"payload":${payload}}`);
    const payload =
      '{"id":-9223372036854775807,"label":"x\\"12345678901234567890\\\\","ratio":1234567890123456.5,"ts_ns":12345678901234567,"amount":"AGQ="}';
    for (let i = 0; i < 2; i++) {
      const v = (await c.toConnectData('t', record(payload))).value as Record<string, unknown>;
      expect(v['id']).toBe(-9_223_372_036_854_775_807n);
      expect(v['label']).toBe('x"12345678901234567890\\');
      expect(v['ratio']).toBe(1234567890123456.5);
      expect(v['ts_ns']).toBe(12_345_678_901_234_567n);
    }
  });
});
