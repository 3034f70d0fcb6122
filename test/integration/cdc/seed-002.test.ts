import { cdcScope, http, startWorker, TopicReader, uniqueName, waitRunning } from './cdc-harness';

jest.setTimeout(90_000);

/**
 * Seed 002 (Postgres CDC with Debezium into bronze/silver/gold): its connector.json, with our
 * host, database, and per-run slot/prefix/table names, registered with POST /connectors.
 */
test('seed 002 Debezium connector config registered through the REST API streams onlineshop changes in the envelope', async () => {
  const scope = await cdcScope('seed002');
  const s = scope.schema;
  const runtime = await startWorker(uniqueName('seed002-worker'));
  const topic = `${scope.prefix}.${s}.onlineshop`;
  const reader = await TopicReader.open([topic], uniqueName('seed002-reader'));
  try {
    await scope.db.query(
      `CREATE TABLE ${s}.onlineshop ("TransactionNo" text, "Date" date, "ProductNo" text, "ProductName" text,
         "Price" numeric(10,2), "Quantity" int, "CustomerNo" numeric, "Country" text,
         id serial PRIMARY KEY)`,
    );
    const created = await http(runtime.url, 'POST', '/connectors', {
      name: 'postgres-connector',
      config: {
        'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
        'plugin.name': 'pgoutput',
        'database.hostname': '127.0.0.1',
        'database.port': '5432',
        'database.user': 'postgres',
        'database.password': 'postgres',
        'database.dbname': 'postgres',
        'database.server.name': scope.prefix,
        'topic.prefix': scope.prefix,
        'table.include.list': `${s}.onlineshop`,
        'slot.name': scope.slot,
        'publication.name': scope.publication,
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'false',
        'value.converter.schemas.enable': 'false',
        'tasks.max': '1',
      },
    });
    expect(created.status).toBe(201);
    await waitRunning(runtime.url, 'postgres-connector');
    await scope.db.query(
      `INSERT INTO ${s}.onlineshop ("TransactionNo","Date","ProductNo","ProductName","Price","Quantity","CustomerNo","Country")
       VALUES ('581482', '2019-12-09', '22485', 'Set Of 2 Wooden Market Crates', 21.47, 12, 17490, 'United Kingdom')`,
    );
    await scope.db.query(`UPDATE ${s}.onlineshop SET "Quantity" = 13`);
    const events = await reader.until('two events', (rs) =>
      rs.length >= 2 ? rs.map((r) => r.value as Record<string, unknown>) : undefined,
    );
    expect(events.map((e) => e['op'])).toEqual(['c', 'u']);
    expect(events[0]!['after']).toMatchObject({
      TransactionNo: '581482',
      Date: 18239,
      ProductName: 'Set Of 2 Wooden Market Crates',
      Quantity: 12,
      Country: 'United Kingdom',
      CustomerNo: { scale: 0, value: 'RFI=' },
    });
    expect(events[0]!['source']).toMatchObject({
      connector: 'postgresql',
      name: scope.prefix,
      table: 'onlineshop',
    });
    const status = await http(runtime.url, 'GET', '/connectors/postgres-connector/status');
    expect((status.body as { type: string }).type).toBe('source');
  } finally {
    await reader.close();
    await runtime.stop();
    await scope.cleanup();
  }
});
