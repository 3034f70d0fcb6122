import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { createSerdeFactory, HttpSchemaRegistry, type Column } from '../../../topology/serdes';
import { SqlTypes as T } from '../../../topology/spec';

const REGISTRY_URL =
  process.env.BROOK_SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7';

/** A topic name unique to this test file's content, so reruns reuse it and schemas stay compatible. */
const topic = `brook-it-serdes-${createHash('sha1').update(__filename).digest('hex').slice(0, 8)}`;

describe('AVRO serde against the real schema registry', () => {
  const registry = new HttpSchemaRegistry({ url: REGISTRY_URL });

  it('registers the derived schema under <topic>-value and round-trips a row', async () => {
    const columns: Column[] = [
      { name: 'ID', type: T.bigint },
      { name: 'AMOUNT', type: T.decimal(12, 2) },
      { name: 'AT', type: T.timestamp },
    ];
    const serde = createSerdeFactory({ schemaRegistryUrl: REGISTRY_URL }).create({
      topic,
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns,
    });
    const bytes = (await serde.serialize([42n, new Decimal('12.30'), 1700000000000]))!;
    const latest = await registry.latest(`${topic}-value`);
    expect(latest).toBeDefined();
    expect(bytes.readInt32BE(1)).toBe(latest!.id);
    const fresh = createSerdeFactory({ schemaRegistryUrl: REGISTRY_URL }).create({
      topic,
      isKey: false,
      format: { format: 'AVRO', properties: {} },
      columns,
    });
    const row = (await fresh.deserialize(bytes)).row!;
    expect(row[0]).toBe(42n);
    expect((row[1] as Decimal).toFixed(2)).toBe('12.30');
    expect(row[2]).toBe(1700000000000);
  });

  it('evolves: a reader with an added optional column reads old records, an old reader reads new ones', async () => {
    const v1: Column[] = [{ name: 'ID', type: T.bigint }];
    const v2: Column[] = [...v1, { name: 'NOTE', type: T.string }];
    const format = { format: 'AVRO' as const, properties: {} };
    const old = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: `${topic}-evo`,
      isKey: false,
      format,
      columns: v1,
    });
    const next = createSerdeFactory({ schemaRegistry: registry }).create({
      topic: `${topic}-evo`,
      isKey: false,
      format,
      columns: v2,
    });
    const oldBytes = (await old.serialize([1n]))!;
    const newBytes = (await next.serialize([2n, 'hello']))!;
    expect(oldBytes.readInt32BE(1)).not.toBe(newBytes.readInt32BE(1));
    expect((await next.deserialize(oldBytes)).row).toEqual([1n, null]);
    expect((await old.deserialize(newBytes)).row).toEqual([2n]);
    const subjectVersions = await registry.latest(`${topic}-evo-value`);
    expect(subjectVersions!.id).toBe(newBytes.readInt32BE(1));
  });
});
