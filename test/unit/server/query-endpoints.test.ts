import { connect } from 'node:http2';
import { postJson, startTestServer, type TestServer } from './support/test-server';

const CREATE = "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');";

/** Reads a streamed answer until `done(text)` says enough arrived, then aborts the request. */
async function readUntil(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  done: (text: string) => boolean,
): Promise<{ status: number; contentType: string | null; text: string }> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!done(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  return { status: res.status, contentType: res.headers.get('content-type'), text };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('query endpoints', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await postJson(`${t.server.url}/ksql`, { ksql: CREATE });
  });
  afterAll(async () => {
    await t.server.close();
  });

  it('POST /query streams a chunked JSON array with header, rows and the final message', async () => {
    const res = await postJson(`${t.server.url}/query`, {
      ksql: 'select nome, nascimento from custstream emit changes limit 2;',
      streamsProperties: {},
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      '[{"header":{"queryId":"transient_CUSTSTREAM_1","schema":"`NOME` STRING, `NASCIMENTO` BIGINT"}},\n' +
        '{"row":{"columns":["Scott Johnson",0]}},\n' +
        '{"row":{"columns":["Amy Shannon",-86400000]}},\n' +
        '{"finalMessage":"Limit Reached"}]\n',
    );
    expect(JSON.parse(res.text)).toHaveLength(4);
  });

  it('POST /query closes a push query when the client goes away', async () => {
    const res = await readUntil(
      `${t.server.url}/query`,
      { ksql: 'select * from custstream emit changes;' },
      {},
      (text) => text.includes('Sheri Fuller'),
    );
    expect(res.status).toBe(200);
    await waitFor(() => t.engine.openQueryIds().length === 0);
  });

  it('POST /query answers PRINT with text lines', async () => {
    const res = await readUntil(
      `${t.server.url}/query`,
      { ksql: 'print psg-customers;' },
      {},
      (text) => text.includes('Sheri Fuller'),
    );
    expect(res.contentType).toMatch(/^text\/plain/);
    expect(res.text.split('\n')[1]).toBe('Value format: AVRO');
    await waitFor(() => t.engine.openQueryIds().length === 0);
  });

  it('POST /query answers an unknown source with 400 and the caret before streaming', async () => {
    const res = await postJson(`${t.server.url}/query`, {
      ksql: 'select * from nope emit changes;',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ '@type': 'statement_error', error_code: 40001 });
    expect((res.json as { message: string }).message).toContain('^^^^');
  });

  it('POST /query-stream writes delimited lines by default', async () => {
    const res = await postJson(`${t.server.url}/query-stream`, {
      sql: 'select email from custstream limit 1;',
      properties: {},
    });
    expect(res.status).toBe(200);
    const lines = res.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines[0]).toMatchObject({ columnNames: ['EMAIL'], columnTypes: ['STRING'] });
    expect((lines[0] as { queryId: string }).queryId).toMatch(/^transient_CUSTSTREAM_/);
    expect(lines.slice(1)).toEqual([['michelle01@example.org']]);
  });

  it('POST /query-stream writes one JSON array for Accept: application/json', async () => {
    const res = await readUntil(
      `${t.server.url}/query-stream`,
      { sql: 'select nome from custstream limit 2;' },
      { accept: 'application/json' },
      () => false,
    );
    expect(res.contentType).toBe('application/json');
    expect(JSON.parse(res.text)).toEqual([
      expect.objectContaining({ columnNames: ['NOME'] }),
      ['Scott Johnson'],
      ['Amy Shannon'],
    ]);
  });

  it('POST /close-query ends a running push query by id, after every delimited row arrived whole', async () => {
    const res = await fetch(`${t.server.url}/query-stream`, {
      method: 'POST',
      body: JSON.stringify({ sql: 'select nome from custstream emit changes;' }),
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('["Sheri Fuller"]\n'))
      text += decoder.decode((await reader.read()).value, { stream: true });
    const { queryId } = JSON.parse(text.split('\n')[0]!) as { queryId: string };
    expect(t.engine.openQueryIds()).toContain(queryId);
    const closed = await postJson(`${t.server.url}/close-query`, { queryId });
    expect(closed.status).toBe(200);
    expect(closed.text).toBe('');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += decoder.decode(chunk.value);
    expect(text.trim().split('\n')).toHaveLength(5);
    expect(t.engine.openQueryIds()).not.toContain(queryId);
  });

  it('POST /close-query answers an unknown id with 404 and a generic_error', async () => {
    const res = await postJson(`${t.server.url}/close-query`, { queryId: 'nope' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      '@type': 'generic_error',
      error_code: 40400,
      message: 'No query with id nope',
    });
  });

  it('POST /query-stream without sql answers 400', async () => {
    const res = await postJson(`${t.server.url}/query-stream`, { properties: {} });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      '@type': 'generic_error',
      error_code: 40000,
      message: "No 'sql' field in the request",
    });
  });

  it('serves /query-stream over cleartext HTTP/2 on the same port', async () => {
    const session = connect(t.server.url);
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const stream = session.request({
          ':method': 'POST',
          ':path': '/query-stream',
          'content-type': 'application/json',
        });
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (data += chunk));
        stream.on('end', () => resolve(data));
        stream.on('error', reject);
        stream.end(JSON.stringify({ sql: 'select nome from custstream limit 3;' }));
      });
      expect(text.trim().split('\n').slice(1)).toEqual([
        '["Scott Johnson"]',
        '["Amy Shannon"]',
        '["Julie Kane"]',
      ]);
    } finally {
      session.close();
    }
  });

  it('closes a push query when its HTTP/2 stream is cancelled', async () => {
    const session = connect(t.server.url);
    try {
      const stream = session.request({ ':method': 'POST', ':path': '/query-stream' });
      stream.setEncoding('utf8');
      let data = '';
      await new Promise<void>((resolve) => {
        stream.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes('Sheri Fuller')) resolve();
        });
        stream.end(JSON.stringify({ sql: 'select nome from custstream emit changes;' }));
      });
      expect(t.engine.openQueryIds()).toHaveLength(1);
      stream.close();
      await waitFor(() => t.engine.openQueryIds().length === 0);
    } finally {
      session.close();
    }
  });
});
