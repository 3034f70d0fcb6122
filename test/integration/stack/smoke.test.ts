import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { eventually, services, uniqueName } from '../../support/services';

/** Each real service of the stack answers as the rest of the suite expects. */
describe('the local stack', () => {
  it('round-trips a record through a Kafka topic and a consumer group', async () => {
    const kafka = new Kafka({ brokers: [...services.kafkaBrokers], logLevel: logLevel.NOTHING });
    const topic = uniqueName('smoke');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k1', value: 'hello brook' }] });
    const consumer = kafka.consumer({ groupId: `${topic}-group` });
    const received: string[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          received.push(`${message.key?.toString()}=${message.value?.toString()}`);
          return Promise.resolve();
        },
      });
      await eventually('the record to arrive', () =>
        Promise.resolve(received.length > 0 ? true : undefined),
      );
      expect(received).toEqual(['k1=hello brook']);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    }
  });

  it('registers an Avro schema and encodes and decodes a record through the registry', async () => {
    const registry = new SchemaRegistry({ host: services.registryUrl });
    const subject = `${uniqueName('smoke-avro')}-value`;
    const schema = {
      type: 'record',
      name: 'Customer',
      namespace: 'brook.smoke',
      fields: [
        { name: 'id', type: 'int' },
        { name: 'nome', type: ['null', 'string'], default: null },
      ],
    };
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
      { subject },
    );
    const encoded = await registry.encode(id, { id: 7, nome: 'Ana' });
    expect(encoded.readUInt8(0)).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);
    expect(await registry.decode(encoded)).toEqual({ id: 7, nome: 'Ana' });

    const evolved = {
      ...schema,
      fields: [...schema.fields, { name: 'email', type: ['null', 'string'], default: null }],
    };
    const second = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(evolved) },
      { subject },
    );
    expect(second.id).not.toBe(id);
    expect(await registry.getLatestSchemaId(subject)).toBe(second.id);
    expect(await registry.decode(encoded)).toEqual({ id: 7, nome: 'Ana' });
  });

  it('reads a change from a logical replication slot on Postgres', async () => {
    const client = new Client({ connectionString: services.postgresUrl });
    await client.connect();
    const slot = uniqueName('smoke_slot').replace(/-/g, '_');
    const table = `${slot}_t`;
    try {
      expect((await client.query('show wal_level')).rows[0]).toEqual({ wal_level: 'logical' });
      await client.query(`create table ${table} (id int primary key, name text)`);
      await client.query(`select pg_create_logical_replication_slot($1, 'test_decoding')`, [slot]);
      await client.query(`insert into ${table} values (1, 'brook')`);
      const changes = await client.query<{ data: string }>(
        'select data from pg_logical_slot_get_changes($1, null, null)',
        [slot],
      );
      expect(changes.rows.map((r) => r.data)).toContain(
        `table public.${table}: INSERT: id[integer]:1 name[text]:'brook'`,
      );
    } finally {
      await client.query(
        'select pg_drop_replication_slot($1) from pg_replication_slots where slot_name = $1',
        [slot],
      );
      await client.query(`drop table if exists ${table}`);
      await client.end();
    }
  });

  it('round-trips a value through Redis', async () => {
    const redis = new Redis(services.redisUrl);
    const key = uniqueName('brook:smoke');
    try {
      await redis.set(key, 'value', 'EX', 60);
      expect(await redis.get(key)).toBe('value');
    } finally {
      await redis.del(key);
      redis.disconnect();
    }
  });
});
