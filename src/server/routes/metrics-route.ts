import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { EnginePort, QueryMetrics } from '../../engine/engine-port';
import type { RouteContext } from '../route-context';

type NumericMetric = Exclude<keyof QueryMetrics, 'queryId' | 'state'>;

const QUERY_GAUGES: readonly {
  readonly name: string;
  readonly help: string;
  readonly field: NumericMetric;
}[] = [
  {
    name: 'brook_query_records_consumed',
    help: 'Records the query read from its sources (cumulative).',
    field: 'recordsIn',
  },
  {
    name: 'brook_query_records_produced',
    help: 'Records the query wrote to its sink (cumulative).',
    field: 'recordsOut',
  },
  {
    name: 'brook_query_processing_errors',
    help: 'Records sent to the processing log (cumulative).',
    field: 'errors',
  },
  {
    name: 'brook_query_consumer_lag',
    help: 'Records behind the end of the input partitions.',
    field: 'consumerLag',
  },
  {
    name: 'brook_query_state_keys',
    help: 'Keys the query holds in Redis, over all its stores and partitions.',
    field: 'stateKeys',
  },
];

/**
 * A Prometheus registry whose per-query gauges are read from the engine at scrape time, so
 * they never go stale and queries that ended disappear.
 */
export function metricsRegistry(engine: EnginePort): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'brook_' });
  for (const gauge of QUERY_GAUGES) {
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      labelNames: ['query_id'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const query of await engine.queryMetrics())
          this.set({ query_id: query.queryId }, query[gauge.field]);
      },
    });
  }
  new Gauge({
    name: 'brook_query_state',
    help: '1 for the state each query is in.',
    labelNames: ['query_id', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const query of await engine.queryMetrics())
        this.set({ query_id: query.queryId, state: query.state }, 1);
    },
  });
  registerConnectorGauges(registry, engine);
  return registry;
}

/** Per connector: 1 for its state, and its tasks per task state (Connect's status, at scrape). */
function registerConnectorGauges(registry: Registry, engine: EnginePort): void {
  const connectors = async () => (engine.connectorMetrics ? await engine.connectorMetrics().catch(() => []) : []);
  new Gauge({
    name: 'brook_connector_state',
    help: '1 for the state each connector is in.',
    labelNames: ['connector', 'type', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const c of await connectors()) this.set({ connector: c.name, type: c.type, state: c.state }, 1);
    },
  });
  new Gauge({
    name: 'brook_connector_tasks',
    help: 'Tasks of each connector per task state.',
    labelNames: ['connector', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const c of await connectors()) for (const [state, n] of Object.entries(c.tasks)) this.set({ connector: c.name, state }, n);
    },
  });
}

/** `GET /metrics`: Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, { engine }: RouteContext): void {
  const registry = metricsRegistry(engine);
  app.get('/metrics', async (_request, reply) => {
    const text = await registry.metrics();
    return reply.status(200).header('content-type', registry.contentType).send(text);
  });
}
