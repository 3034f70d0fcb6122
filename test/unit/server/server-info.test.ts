import { startKsqlServer } from '../../../src/server';
import { IN_MEMORY_CLUSTER_ID } from '../../../src/engine/memory';
import { startEngine, world } from '../engine/engine-fixture';
import { postJson, startTestServer, type TestServer } from './support/test-server';

describe('server endpoints', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.server.close();
  });

  it('GET /info answers KsqlServerInfo', async () => {
    const res = await fetch(`${t.server.url}/info`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      KsqlServerInfo: {
        version: '0.1.0',
        kafkaClusterId: 'in-memory-cluster',
        ksqlServiceId: 'default_',
        serverStatus: 'RUNNING',
      },
    });
  });

  it('GET /healthcheck is 200 while healthy and 503 once a query failed', async () => {
    const healthy = await fetch(`${t.server.url}/healthcheck`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({
      isHealthy: true,
      details: { metastore: { isHealthy: true }, kafka: { isHealthy: true } },
    });
    t.engine.failQuery('CSAS_CUSTOMERS_CLEAN_1');
    const unhealthy = await fetch(`${t.server.url}/healthcheck`);
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toMatchObject({
      isHealthy: false,
      details: { queries: { isHealthy: false } },
    });
  });

  it('GET /status lists command statuses and /status/{commandId} answers one', async () => {
    await postJson(`${t.server.url}/ksql`, {
      ksql: "create stream s1 with (kafka_topic='t1', value_format='JSON');",
    });
    const all = await fetch(`${t.server.url}/status`);
    expect(await all.json()).toEqual({ commandStatuses: { 'stream/`S1`/create': 'SUCCESS' } });
    const one = await fetch(`${t.server.url}/status/stream/${encodeURIComponent('`S1`')}/create`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({
      status: 'SUCCESS',
      message: 'Stream created',
      queryId: null,
    });
  });

  it('GET /status/{commandId} answers an unknown command with 404', async () => {
    const res = await fetch(`${t.server.url}/status/stream/NOPE/create`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ '@type': 'generic_error', error_code: 40400 });
  });

  it('GET /metrics exposes per-query counters in Prometheus text', async () => {
    const res = await fetch(`${t.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('brook_query_records_consumed{query_id="CSAS_CUSTOMERS_CLEAN_1"} 40');
    expect(text).toContain('brook_query_records_produced{query_id="CSAS_CUSTOMERS_CLEAN_1"} 38');
    expect(text).toContain('brook_query_processing_errors{query_id="CSAS_CUSTOMERS_CLEAN_1"} 2');
    expect(text).toContain('brook_query_consumer_lag{query_id="CSAS_CUSTOMERS_CLEAN_1"} 5');
    expect(text).toContain('brook_query_state{query_id="CSAS_CUSTOMERS_CLEAN_1",state="ERROR"} 1');
    expect(text).toContain('brook_query_state_keys{query_id="CSAS_CUSTOMERS_CLEAN_1"} 12');
    expect(text).toContain('brook_connector_state{connector="psg-connector",type="source",state="RUNNING"} 1');
    expect(text).toContain('brook_connector_tasks{connector="psg-connector",state="FAILED"} 1');
    expect(text).toContain('# TYPE brook_process_cpu_user_seconds_total counter');
  });
});

describe('basic authentication', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ users: { fred: 'letmein' }, skipPaths: ['/healthcheck'] });
  });
  afterAll(async () => {
    await t.server.close();
  });

  const basic = (user: string, password: string): string =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('answers requests without credentials with 401 and a generic_error 40100', async () => {
    const res = await postJson(`${t.server.url}/ksql`, { ksql: 'show topics;' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      '@type': 'generic_error',
      error_code: 40100,
      message: 'Unauthorized',
    });
  });

  it('answers a wrong password with 401', async () => {
    const res = await postJson(
      `${t.server.url}/ksql`,
      { ksql: 'show topics;' },
      { authorization: basic('fred', 'nope') },
    );
    expect(res.status).toBe(401);
  });

  it('serves requests with the right credentials', async () => {
    const res = await postJson(
      `${t.server.url}/ksql`,
      { ksql: 'show topics;' },
      { authorization: basic('fred', 'letmein') },
    );
    expect(res.status).toBe(200);
  });

  it('leaves the skipped paths open', async () => {
    const res = await fetch(`${t.server.url}/healthcheck`);
    expect(res.status).toBe(200);
  });
});

describe('/info over the engine', () => {
  it("reports the Kafka cluster's id from the engine's topic admin port", async () => {
    const { engine } = await startEngine(world());
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const server = await startKsqlServer({ engine, port: 0, host: '127.0.0.1', logger: silent });
    try {
      const res = await fetch(`${server.url}/info`);
      expect(await res.json()).toMatchObject({
        KsqlServerInfo: { kafkaClusterId: IN_MEMORY_CLUSTER_ID, serverStatus: 'RUNNING' },
      });
    } finally {
      await server.close();
      await engine.close();
    }
  });
});
