import {
  cdcScope,
  ensureTopics,
  eventually,
  kafka,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
} from './cdc-harness';

jest.setTimeout(90_000);

test('a poison record lands in the dead-letter topic with the __connect.errors headers while the rest reaches the sink', async () => {
  const scope = await cdcScope('dlq');
  const topic = `${scope.schema}-orders`;
  const dlq = `${scope.schema}-orders-dlq`;
  await ensureTopics([topic, dlq]);
  const runtime = await startWorker(uniqueName('dlq-worker'));
  const producer = kafka().producer();
  await producer.connect();
  const reader = await TopicReader.open([dlq], uniqueName('dlq-reader'));
  try {
    await putConnector(runtime.url, 'dlq-sink', {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': 'jdbc:postgresql://127.0.0.1:5432/postgres',
      'connection.user': 'postgres',
      topics: topic,
      'table.name.format': `${scope.schema}.orders`,
      'insert.mode': 'upsert',
      'pk.mode': 'record_value',
      'pk.fields': 'id',
      'auto.create': 'true',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.deadletterqueue.topic.name': dlq,
      'errors.deadletterqueue.context.headers.enable': 'true',
    });
    await waitRunning(runtime.url, 'dlq-sink');
    const good = (id: number) => ({
      key: String(id),
      value: JSON.stringify({ id, amount: id * 10 }),
    });
    await producer.send({
      topic,
      messages: [good(1), good(2), { key: 'bad', value: '{"id": 3, "amount": ' }, good(4), good(5)],
    });
    const dead = await reader.until('one dead letter', (rs) => (rs.length >= 1 ? rs : undefined));
    expect(dead).toHaveLength(1);
    const h = dead[0]!.headers;
    expect(h['__connect.errors.topic']).toBe(topic);
    expect(h['__connect.errors.partition']).toBe('0');
    expect(h['__connect.errors.offset']).toBe('2');
    expect(h['__connect.errors.connector.name']).toBe('dlq-sink');
    expect(h['__connect.errors.task.id']).toBe('0');
    expect(h['__connect.errors.stage']).toBe('VALUE_CONVERTER');
    expect(h['__connect.errors.class.name']).toBe('org.apache.kafka.connect.json.JsonConverter');
    expect(h['__connect.errors.exception.class.name']).toBe('ConversionError');
    expect(h['__connect.errors.exception.message']).toContain('not valid JSON');
    expect(h['__connect.errors.exception.stacktrace']).toContain('ConversionError');
    const rows = await eventually('four rows', async () => {
      const r = await scope.db
        .query<{ id: string }>(`SELECT id FROM ${scope.schema}.orders ORDER BY id`)
        .catch(() => ({ rows: [] }));
      return r.rows.length === 4 ? r.rows.map((x) => Number(x.id)) : undefined;
    });
    expect(rows).toEqual([1, 2, 4, 5]);
  } finally {
    await producer.disconnect();
    await reader.close();
    await runtime.stop();
    await scope.cleanup();
  }
});
