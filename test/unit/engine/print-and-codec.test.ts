import { decodeCommand, encodeCommand } from '../../../src/engine/core/command';
import type { PrintHandle } from '../../../src/engine/engine-port';
import { collect, startEngine, world } from './engine-fixture';

const context = { streamsProperties: {}, sessionVariables: {} };

describe('PRINT format detection', () => {
  it('narrows JSON values and KAFKA_BIGINT keys over the records, printing every INTERVAL-th one', async () => {
    const w = world();
    const { engine } = await startEngine(w);
    await w.topics.createTopic({ name: 'events', partitions: 1 });
    const key = (n: number): Buffer => {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(BigInt(n));
      return b;
    };
    await w.topics.produce([1, 2, 3, 4].map((n) => ({ topic: 'events', key: key(n), value: Buffer.from(`{"n":${n}}`), timestamp: 0 })));
    const handle = (await engine.query("PRINT 'events' FROM BEGINNING INTERVAL 2 LIMIT 2;", context)) as PrintHandle;
    expect(await collect(handle.lines)).toEqual([
      'Key format: KAFKA_BIGINT or KAFKA_DOUBLE',
      'Value format: JSON or KAFKA_STRING',
      'rowtime: 1970/01/01 00:00:00.000 Z, key: 1, value: {"n":1}, partition: 0',
      'rowtime: 1970/01/01 00:00:00.000 Z, key: 3, value: {"n":3}, partition: 0',
    ]);
  });

  it('rejects an unknown topic', async () => {
    const { engine } = await startEngine(world());
    await expect(engine.query('PRINT nope;', context)).rejects.toThrow(/Could not find topic 'nope'/);
  });
});

describe('command codec', () => {
  it('round-trips a command with inferred columns through its log encoding', () => {
    const command = {
      version: 1 as const,
      statement: "CREATE STREAM S WITH (KAFKA_TOPIC='s', VALUE_FORMAT='AVRO')",
      properties: { 'auto.offset.reset': 'earliest' },
      inferred: { value: { columns: [{ name: 'A', type: { kind: 'BIGINT' as const } }], unwrapped: false } },
      origin: 'engine-1',
    };
    expect(decodeCommand(encodeCommand(command))).toEqual(command);
  });

  it('refuses commands of an unknown version', () => {
    expect(() => decodeCommand(Buffer.from('{"version":2}'))).toThrow(/Unsupported command version 2/);
  });
});
