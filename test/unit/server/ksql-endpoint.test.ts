import { postJson, startTestServer, type TestServer } from './support/test-server';

describe('POST /ksql', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.server.close();
  });

  it('answers a script with one entity per statement, each with @type and statementText', async () => {
    const res = await postJson(`${t.server.url}/ksql`, {
      ksql: "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO'); show streams;",
      streamsProperties: {},
    });
    expect(res.status).toBe(200);
    const entities = res.json as Record<string, unknown>[];
    expect(entities.map((e) => e['@type'])).toEqual(['currentStatus', 'streams']);
    expect(entities[0]).toMatchObject({
      statementText:
        "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');",
      commandId: 'stream/`CUSTSTREAM`/create',
      commandStatus: { status: 'SUCCESS', message: 'Stream created', queryId: null },
      commandSequenceNumber: 1,
      warnings: [],
    });
    expect(entities[1]).toMatchObject({
      streams: [
        {
          type: 'STREAM',
          name: 'CUSTSTREAM',
          topic: 'psg-customers',
          keyFormat: 'KAFKA',
          valueFormat: 'AVRO',
          isWindowed: false,
        },
        { name: 'KSQL_PROCESSING_LOG' },
      ],
    });
  });

  it('passes streamsProperties, sessionVariables and commandSequenceNumber to the engine', async () => {
    await postJson(`${t.server.url}/ksql`, {
      ksql: 'show topics;',
      streamsProperties: { 'auto.offset.reset': 'earliest' },
      sessionVariables: { env: 'dev' },
      commandSequenceNumber: 7,
    });
    expect(t.engine.contexts.at(-1)).toEqual({
      streamsProperties: { 'auto.offset.reset': 'earliest' },
      sessionVariables: { env: 'dev' },
      commandSequenceNumber: 7,
    });
  });

  it('answers a bad statement with 400 and a statement_error keeping the caret and earlier entities', async () => {
    const res = await postJson(`${t.server.url}/ksql`, { ksql: 'show topics; describe nope;' });
    expect(res.status).toBe(400);
    const body = res.json as Record<string, unknown>;
    expect(body).toMatchObject({
      '@type': 'statement_error',
      error_code: 40001,
      statementText: 'describe nope;',
    });
    expect(body.message).toBe(
      'line 1:10: NOPE does not exist.\n1 | describe nope;\n  |          ^^^^',
    );
    expect((body.entities as { '@type': string }[]).map((e) => e['@type'])).toEqual([
      'kafka_topics',
    ]);
  });

  it('sends SELECT to the query endpoints with error 40002', async () => {
    const res = await postJson(`${t.server.url}/ksql`, {
      ksql: 'select * from custstream emit changes;',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ '@type': 'statement_error', error_code: 40002 });
  });

  it('rejects malformed JSON with 400 and a generic_error 40000', async () => {
    const res = await postJson(`${t.server.url}/ksql`, '{"ksql": ');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
    expect((res.json as { message: string }).message).toMatch(/^Error parsing request body/);
  });

  it('rejects a body without ksql with 400 naming the field', async () => {
    const res = await postJson(`${t.server.url}/ksql`, { streamsProperties: {} });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      '@type': 'generic_error',
      error_code: 40000,
      message: "No 'ksql' field in the request",
    });
  });

  it('rejects an empty body with 400', async () => {
    const res = await postJson(`${t.server.url}/ksql`, '');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
  });

  it('accepts plain application/json bodies too', async () => {
    const res = await postJson(
      `${t.server.url}/ksql`,
      { ksql: 'show tables;' },
      { 'content-type': 'application/json' },
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { '@type': 'tables', statementText: 'show tables;', warnings: [], tables: [] },
    ]);
  });

  it('labels JSON with the versioned media type when the client asks for it', async () => {
    const versioned = await fetch(`${t.server.url}/ksql`, {
      method: 'POST',
      headers: { accept: 'application/vnd.ksql.v1+json', 'content-type': 'application/json' },
      body: JSON.stringify({ ksql: 'show tables;' }),
    });
    expect(versioned.headers.get('content-type')).toBe('application/vnd.ksql.v1+json');
    const plain = await fetch(`${t.server.url}/info`);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers unknown paths with 404 and a generic_error 40400', async () => {
    const res = await fetch(`${t.server.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ '@type': 'generic_error', error_code: 40400 });
  });
});
