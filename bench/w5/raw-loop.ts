import { Kafka, logLevel } from 'kafkajs';
import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';
import { BROKERS, PG_URL, pgClient } from './workload';

/**
 * The baseline: pgoutput through pg-logical-replication -> JSON -> kafkajs produce -> kafkajs
 * consume -> unnest upsert, with no Connect runtime, envelope, schema or converter.
 */
export async function startRawLoop(
  schema: string,
  slot: string,
  publication: string,
  topic: string,
) {
  const db = await pgClient();
  await db.query(`CREATE PUBLICATION ${publication} FOR TABLE ${schema}.orders`);
  await db.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
  const kafka = new Kafka({ clientId: 'w5-raw', brokers: BROKERS, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `${topic}-sink`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const sink = await pgClient();
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const rows = batch.messages.map(
        (m) =>
          JSON.parse(m.value!.toString()) as { id: number; amount: string; committed_ms: string },
      );
      await sink.query(
        `INSERT INTO ${schema}.orders_gold (id, amount, committed_ms)
         SELECT * FROM unnest($1::int[], $2::numeric[], $3::bigint[])
         ON CONFLICT (id) DO UPDATE SET amount = EXCLUDED.amount, committed_ms = EXCLUDED.committed_ms`,
        [rows.map((r) => r.id), rows.map((r) => r.amount), rows.map((r) => r.committed_ms)],
      );
    },
  });
  const service = new LogicalReplicationService(
    { connectionString: PG_URL },
    { acknowledge: { auto: false, timeoutSeconds: 10 } },
  );
  let pending: { key: string; value: string }[] = [];
  let lastLsn = '0/0';
  service.on('data', (lsn: string, msg: Pgoutput.Message) => {
    if (msg.tag === 'insert')
      pending.push({ key: String(msg.new['id']), value: JSON.stringify(msg.new) });
    lastLsn = lsn;
  });
  const pump = setInterval(() => {
    if (pending.length === 0) return;
    const messages = pending;
    const lsn = lastLsn;
    pending = [];
    void producer.send({ topic, acks: -1, messages }).then(() => service.acknowledge(lsn));
  }, 20);
  void service.subscribe(
    new PgoutputPlugin({ protoVersion: 1, publicationNames: [publication] }),
    slot,
  );
  return {
    async stop() {
      clearInterval(pump);
      await service.stop();
      await consumer.disconnect();
      await producer.disconnect();
      await sink.end();
      await db.end();
    },
  };
}
