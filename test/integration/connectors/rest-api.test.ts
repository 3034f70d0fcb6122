import type { ConnectRuntime, PgPool } from '../../../connectors';
import {
  eventually,
  http,
  JDBC_URL,
  pg,
  schemaFor,
  startWorker,
  uniqueName,
  waitForState,
} from './connect-harness';

const SOURCE = 'io.confluent.connect.jdbc.JdbcSourceConnector';
const SINK = 'io.confluent.connect.jdbc.JdbcSinkConnector';

describe('Connect REST API contract', () => {
  let runtime: ConnectRuntime;
  let db: PgPool;
  const schema = schemaFor('rest');
  const name = uniqueName('rest-source');
  const prefix = `${uniqueName('rest')}-`;
  const config = () => ({
    'connector.class': SOURCE,
    'connection.url': JDBC_URL,
    'connection.user': 'postgres',
    mode: 'incrementing',
    'incrementing.column.name': 'id',
    'table.whitelist': `${schema}.items`,
    'topic.prefix': prefix,
    'poll.interval.ms': 200,
  });

  beforeAll(async () => {
    db = pg();
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(`CREATE TABLE ${schema}.items (id SERIAL PRIMARY KEY, label TEXT NOT NULL)`);
    await db.query(`INSERT INTO ${schema}.items (label) VALUES ('a'), ('b')`);
    runtime = await startWorker(uniqueName('rest-worker'));
  });

  afterAll(async () => {
    await runtime.stop();
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
  });

  it('GET / answers version info', async () => {
    const r = await http(runtime.url, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      version: expect.any(String),
      commit: expect.any(String),
      kafka_cluster_id: expect.any(String),
    });
  });

  it('GET /connector-plugins lists the JDBC source and sink', async () => {
    const r = await http(runtime.url, 'GET', '/connector-plugins');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(
      expect.arrayContaining([
        { class: SOURCE, type: 'source', version: expect.any(String) },
        { class: SINK, type: 'sink', version: expect.any(String) },
      ]),
    );
    const all = await http(runtime.url, 'GET', '/connector-plugins?connectorsOnly=false');
    expect(all.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          class: 'io.confluent.connect.avro.AvroConverter',
          type: 'converter',
        }),
      ]),
    );
  });

  it("PUT /connector-plugins/{type}/config/validate answers Connect's shape with per-key errors", async () => {
    const r = await http(
      runtime.url,
      'PUT',
      '/connector-plugins/JdbcSourceConnector/config/validate',
      { 'connector.class': SOURCE, mode: 'sideways', 'poll.interval.ms': 'often' },
    );
    expect(r.status).toBe(200);
    const body = r.body as {
      name: string;
      error_count: number;
      groups: string[];
      configs: {
        definition: {
          name: string;
          type: string;
          required: boolean;
          default_value: string | null;
          documentation: string;
        };
        value: { name: string; errors: string[]; value: string | null };
      }[];
    };
    expect(body.name).toBe(SOURCE);
    expect(body.groups).toEqual(
      expect.arrayContaining(['Common', 'Database', 'Mode', 'Connector']),
    );
    const byName = new Map(body.configs.map((c) => [c.definition.name, c]));
    expect(byName.get('mode')?.value.errors).toEqual([
      'Invalid value sideways for configuration mode: String must be one of: bulk, timestamp, incrementing, timestamp+incrementing',
    ]);
    expect(byName.get('poll.interval.ms')?.value.errors).toEqual([
      'Invalid value often for configuration poll.interval.ms: Not a number of type INT',
    ]);
    expect(byName.get('connection.url')?.value.errors).toEqual([
      'Missing required configuration "connection.url" which has no default value.',
    ]);
    expect(byName.get('batch.max.rows')?.definition).toMatchObject({
      type: 'INT',
      required: false,
      default_value: '100',
    });
    expect(byName.get('topic.prefix')?.definition.documentation).not.toBe('');
    expect(body.error_count).toBe(body.configs.reduce((n, c) => n + c.value.errors.length, 0));

    const ok = await http(
      runtime.url,
      'PUT',
      '/connector-plugins/JdbcSourceConnector/config/validate',
      { ...config(), name: 'x' },
    );
    expect((ok.body as { error_count: number }).error_count).toBe(0);
  });

  it('rejects an unknown connector class with 400 listing the available plugins', async () => {
    const r = await http(runtime.url, 'POST', '/connectors', {
      name: uniqueName('bad'),
      config: { 'connector.class': 'com.example.Nope' },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 400,
      message: expect.stringContaining(`available connectors are: ${SOURCE}, ${SINK}`),
    });
  });

  it("rejects an invalid config with 400 and Connect's message", async () => {
    const r = await http(runtime.url, 'POST', '/connectors', {
      name: uniqueName('bad'),
      config: { 'connector.class': SOURCE, 'topic.prefix': 'x', mode: 'bulk' },
    });
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toMatch(
      /^Connector configuration is invalid and contains the following 1 error\(s\):\nMissing required configuration "connection.url" which has no default value\./,
    );
  });

  it('answers 404 with error_code for unknown connectors', async () => {
    for (const [method, path] of [
      ['GET', '/connectors/nope'],
      ['GET', '/connectors/nope/status'],
      ['DELETE', '/connectors/nope'],
      ['PUT', '/connectors/nope/pause'],
      ['GET', '/connectors/nope/offsets'],
    ] as const) {
      const r = await http(runtime.url, method, path);
      expect(r).toEqual({
        status: 404,
        body: { error_code: 404, message: 'Connector nope not found' },
      });
    }
  });

  it('drives one connector through every endpoint', async () => {
    const created = await http(runtime.url, 'POST', '/connectors', { name, config: config() });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      name,
      config: {
        ...Object.fromEntries(Object.entries(config()).map(([k, v]) => [k, String(v)])),
        name,
      },
      tasks: [{ connector: name, task: 0 }],
      type: 'source',
    });
    expect(
      (await http(runtime.url, 'POST', '/connectors', { name, config: config() })).status,
    ).toBe(409);

    expect((await http(runtime.url, 'GET', '/connectors')).body).toEqual(
      expect.arrayContaining([name]),
    );
    const status = await waitForState(runtime.url, name, 'RUNNING');
    expect(status).toEqual({
      name,
      connector: { state: 'RUNNING', worker_id: expect.any(String) },
      tasks: [{ id: 0, state: 'RUNNING', worker_id: expect.any(String) }],
      type: 'source',
    });
    const expanded = (await http(runtime.url, 'GET', '/connectors?expand=status&expand=info'))
      .body as Record<string, { status: unknown; info: unknown }>;
    expect(expanded[name]).toEqual({
      status: expect.objectContaining({ name }),
      info: expect.objectContaining({ name, type: 'source' }),
    });

    expect((await http(runtime.url, 'GET', `/connectors/${name}`)).body).toMatchObject({
      name,
      type: 'source',
    });
    expect((await http(runtime.url, 'GET', `/connectors/${name}/config`)).body).toMatchObject({
      mode: 'incrementing',
      'poll.interval.ms': '200',
    });
    const tasks = (await http(runtime.url, 'GET', `/connectors/${name}/tasks`)).body as {
      id: unknown;
      config: Record<string, string>;
    }[];
    expect(tasks).toEqual([
      {
        id: { connector: name, task: 0 },
        config: expect.objectContaining({ tables: JSON.stringify([`${schema}.items`]) }),
      },
    ]);
    expect((await http(runtime.url, 'GET', `/connectors/${name}/tasks/0/status`)).body).toEqual({
      id: 0,
      state: 'RUNNING',
      worker_id: expect.any(String),
    });
    expect((await http(runtime.url, 'GET', `/connectors/${name}/tasks/7/status`)).status).toBe(404);

    const topic = `${prefix}items`;
    await eventually('active topic', async () => {
      const r = await http(runtime.url, 'GET', `/connectors/${name}/topics`);
      return JSON.stringify(r.body) === JSON.stringify({ [name]: { topics: [topic] } })
        ? true
        : undefined;
    });
    const offsets = await eventually('offsets', async () => {
      const r = (await http(runtime.url, 'GET', `/connectors/${name}/offsets`)).body as {
        offsets: { offset: { incrementing?: number } }[];
      };
      return r.offsets[0]?.offset.incrementing === 2 ? r : undefined;
    });
    expect(offsets.offsets).toEqual([
      {
        partition: { protocol: '1', table: `postgres.${schema}.items` },
        offset: { incrementing: 2 },
      },
    ]);
    expect(
      (await http(runtime.url, 'PATCH', `/connectors/${name}/offsets`, { offsets: [] })).status,
    ).toBe(400);
    const running = await http(runtime.url, 'DELETE', `/connectors/${name}/offsets`);
    expect(running.status).toBe(400);
    expect((running.body as { message: string }).message).toContain(
      'Connectors must be in the STOPPED state',
    );

    expect((await http(runtime.url, 'PUT', `/connectors/${name}/pause`)).status).toBe(202);
    await waitForState(runtime.url, name, 'PAUSED');
    expect((await http(runtime.url, 'PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await waitForState(runtime.url, name, 'RUNNING');

    expect((await http(runtime.url, 'POST', `/connectors/${name}/restart`)).status).toBe(204);
    const restarted = await http(
      runtime.url,
      'POST',
      `/connectors/${name}/restart?includeTasks=true&onlyFailed=false`,
    );
    expect(restarted.status).toBe(202);
    expect(restarted.body).toMatchObject({
      name,
      connector: { state: 'RESTARTING' },
      tasks: [{ id: 0, state: 'RESTARTING' }],
    });
    await waitForState(runtime.url, name, 'RUNNING');
    expect((await http(runtime.url, 'POST', `/connectors/${name}/tasks/0/restart`)).status).toBe(
      204,
    );
    await waitForState(runtime.url, name, 'RUNNING');

    expect((await http(runtime.url, 'PUT', `/connectors/${name}/stop`)).status).toBe(204);
    expect((await http(runtime.url, 'GET', `/connectors/${name}/status`)).body).toMatchObject({
      connector: { state: 'STOPPED' },
      tasks: [],
    });
    const partition = { protocol: '1', table: `postgres.${schema}.items` };
    const altered = await http(runtime.url, 'PATCH', `/connectors/${name}/offsets`, {
      offsets: [{ partition, offset: { incrementing: 1 } }],
    });
    expect(altered).toEqual({
      status: 200,
      body: { message: 'The offsets for this connector have been altered successfully' },
    });
    expect((await http(runtime.url, 'GET', `/connectors/${name}/offsets`)).body).toEqual({
      offsets: [{ partition, offset: { incrementing: 1 } }],
    });
    const reset = await http(runtime.url, 'DELETE', `/connectors/${name}/offsets`);
    expect(reset).toEqual({
      status: 200,
      body: { message: 'The offsets for this connector have been reset successfully' },
    });
    expect((await http(runtime.url, 'GET', `/connectors/${name}/offsets`)).body).toEqual({
      offsets: [],
    });

    const updated = await http(runtime.url, 'PUT', `/connectors/${name}/config`, {
      ...config(),
      'poll.interval.ms': '300',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name, config: { 'poll.interval.ms': '300' } });
    expect((await http(runtime.url, 'PUT', `/connectors/${name}/topics/reset`)).status).toBe(200);
    expect((await http(runtime.url, 'GET', `/connectors/${name}/topics`)).body).toEqual({
      [name]: { topics: [] },
    });

    expect((await http(runtime.url, 'DELETE', `/connectors/${name}`)).status).toBe(204);
    expect((await http(runtime.url, 'GET', `/connectors/${name}`)).status).toBe(404);
  });

  it('PUT /connectors/{name}/config creates with 201 and a failing task reports FAILED with its trace', async () => {
    const broken = uniqueName('rest-broken');
    const r = await http(runtime.url, 'PUT', `/connectors/${broken}/config`, {
      ...config(),
      'incrementing.column.name': 'no_such_column',
    });
    expect(r.status).toBe(201);
    const status = await eventually('FAILED task', async () => {
      const s = (await http(runtime.url, 'GET', `/connectors/${broken}/status`)).body as {
        tasks: { state: string; trace?: string }[];
      };
      return s.tasks[0]?.state === 'FAILED' ? s : undefined;
    });
    expect(status.tasks[0]?.trace).toContain('incrementing column no_such_column not found');
    const restart = await http(
      runtime.url,
      'POST',
      `/connectors/${broken}/restart?includeTasks=true&onlyFailed=true`,
    );
    expect(restart.body).toMatchObject({
      connector: { state: 'RUNNING' },
      tasks: [{ state: 'RESTARTING' }],
    });
    expect((await http(runtime.url, 'DELETE', `/connectors/${broken}`)).status).toBe(204);
  });
});
