import type { Logger } from 'pino';
import { createPgPool, type PgPool } from '../../connectors';
import { kafkajsClient } from '../../topology';
import {
  ECOMMERCE_TOPIC,
  oltpSchemaSql,
  PAYMENT_TOPICS,
  pgSqlPort,
  runDatagen,
  type DatagenTotals,
  type RecordPort,
} from '../datagen';
import { ksqlClient } from '../repl';
import { startBrookServer, type BrookServer } from './brook-server';
import { connectClient, type ConnectClient } from './connect-client';
import { quoteTable } from './gold-view';
import { liveView } from './live-view';
import {
  loadMedallionPipeline,
  type MedallionPipeline,
  type PipelineNamespace,
} from './medallion-pipeline';
import { waitFor } from './wait-for';

export interface DemoOptions {
  readonly namespace: PipelineNamespace;
  readonly serviceId: string;
  readonly bootstrapServers: string;
  readonly redisUrl: string;
  readonly seed: number;
  /** Datagen batches per tick and seconds between ticks. */
  readonly perTick: number;
  readonly intervalSeconds: number;
  /** Stop datagen after this many ticks (tests); undefined runs until `signal`. */
  readonly ticks?: number;
  readonly dirtyRate: number;
  readonly duplicateRate: number;
  /** ksqlDB REST port of the in-process server (0: any free port). */
  readonly port: number;
  readonly connectPort: number;
  /** Seconds between gold snapshots in the live view; 0 shows none. */
  readonly snapshotSeconds: number;
  readonly signal: AbortSignal;
  readonly print: (line: string) => void;
  /** The server's structured log (the terminal shows only the live view). */
  readonly logger?: Logger;
}

export interface DemoPorts {
  /** Where generated topic records go (a Kafka producer; tests wrap it to keep a copy). */
  readonly records: RecordPort;
}

/** What a finished demo run hands back (tests recompute the gold tables from it). */
export interface DemoRun {
  readonly pipeline: MedallionPipeline;
  readonly totals: DatagenTotals;
  readonly ksqlUrl: string;
  readonly connectUrl: string;
  /** Stops the live view, the connectors' server and every connection the demo opened. */
  close(): Promise<void>;
}

const INPUT_PARTITIONS = 3;

/**
 * The whole medallion pipeline: OLTP tables and input topics, the server (engine + ksqlDB REST
 * + Connect REST) in this process, the connectors (sources first), the SQL files, the gold
 * sinks, then datagen with a live view. Resolves when datagen stopped (ticks ran out or
 * `signal` aborted); the caller closes the returned run once it saw what it wanted.
 */
export async function runDemo(options: DemoOptions, ports: DemoPorts): Promise<DemoRun> {
  const { namespace: ns, print } = options;
  const pipeline = loadMedallionPipeline(ns);
  const pg = createPgPool(ns.postgresUrl, { max: 2 });
  const opened: { server?: BrookServer; stopView?: () => Promise<void> } = {};
  const close = async (): Promise<void> => {
    await opened.stopView?.();
    await opened.server?.close();
    await pg.end();
  };
  try {
    print('preparing Postgres tables and input topics');
    await prepareInputs(options, pg);
    print(`starting the Brook server (service ${options.serviceId})`);
    const server = await startBrookServer({
      serviceId: options.serviceId,
      bootstrapServers: options.bootstrapServers,
      schemaRegistryUrl: ns.schemaRegistryUrl,
      redisUrl: options.redisUrl,
      postgresUrl: ns.postgresUrl,
      port: options.port,
      connectPort: options.connectPort,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    opened.server = server;
    print(`ksqlDB REST at ${server.ksqlUrl}, Connect REST at ${server.connectUrl}`);
    const connect = connectClient(server.connectUrl);
    const ksql = ksqlClient({ serverUrl: server.ksqlUrl });
    const scope = {
      streamsProperties: { 'auto.offset.reset': 'earliest' },
      sessionVariables: pipeline.variables,
    };
    const isSink = (c: { config: Readonly<Record<string, string>> }): boolean =>
      c.config['connector.class'] === 'io.confluent.connect.jdbc.JdbcSinkConnector';
    await registerConnectors(
      connect,
      pipeline.connectors.filter((c) => !isSink(c)),
      print,
    );
    const deployed = await deployedStreams(ksql);
    const [seed003, ...rest] = [...pipeline.sqlFiles].reverse();
    if (deployed.has('KAFKA_MULTIPLEX')) print('pipeline already deployed: its queries resume');
    else
      for (const file of rest.reverse()) {
        print(`running ${file.name}`);
        await ksql.ksql(file.text, scope);
      }
    await registerConnectors(connect, pipeline.connectors.filter(isSink), print);
    const view = liveView({
      pg,
      pipeline,
      print,
      snapshotSeconds: options.snapshotSeconds,
      failedQueries: () => failedQueries(ksql),
    });
    opened.stopView = () => view.stop();
    const oltp = pgSqlPort(ns.postgresUrl);
    const generating = runDatagen(
      {
        sources: ['oltp', 'payments', 'ecommerce'],
        seed: options.seed,
        perTick: options.perTick,
        intervalSeconds: options.intervalSeconds,
        ...(options.ticks === undefined ? {} : { ticks: options.ticks }),
        dirtyRate: options.dirtyRate,
        duplicateRate: options.duplicateRate,
        silent: true,
        schema: ns.oltpSchema,
        topicPrefix: ns.topicPrefix,
        signal: options.signal,
      },
      {
        sql: oltp,
        records: ports.records,
        print: () => undefined,
        onTick: (t) => view.datagen(t),
      },
    );
    if (seed003 !== undefined && !deployed.has('CUSTSTREAM'))
      await runInferredStream(ksql, seed003, scope, options, generating);
    const totals = await generating.finally(() => oltp.close());
    return {
      pipeline,
      totals,
      ksqlUrl: server.ksqlUrl,
      connectUrl: server.connectUrl,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function prepareInputs(options: DemoOptions, pg: PgPool): Promise<void> {
  const ns = options.namespace;
  for (const statement of oltpSchemaSql(ns.oltpSchema)) await pg.query(statement);
  await pg.query(`create schema if not exists ${quoteTable(ns.goldSchema)}`);
  const kafka = kafkajsClient({
    brokers: options.bootstrapServers.split(','),
    clientId: `brook-demo-${options.serviceId}`,
  });
  try {
    const cdc = ['customers', 'orders', 'payments'].map(
      (t) => `${ns.topicPrefix}oltp.${ns.oltpSchema}.${t}`,
    );
    await kafka.admin().createTopics([
      ...[...PAYMENT_TOPICS, ECOMMERCE_TOPIC].map((t) => ({
        name: `${ns.topicPrefix}${t}`,
        partitions: INPUT_PARTITIONS,
      })),
      ...cdc.map((name) => ({ name, partitions: 1 })),
    ]);
  } finally {
    await kafka.close();
  }
}

async function registerConnectors(
  connect: ConnectClient,
  connectors: MedallionPipeline['connectors'],
  print: (line: string) => void,
): Promise<void> {
  for (const c of connectors) {
    await connect.put(c);
    const status = await waitFor(`connector ${c.name}`, 60_000, undefined, async () => {
      const s = await connect.status(c.name);
      if (s === undefined || s.tasks.length === 0) return undefined;
      const failed = s.tasks.find((t) => t.state === 'FAILED');
      if (failed) return s;
      return s.tasks.every((t) => t.state === 'RUNNING') ? s : undefined;
    });
    const failed = status.tasks.find((t) => t.state === 'FAILED');
    if (failed) throw new Error(`connector ${c.name} failed: ${failed.trace ?? ''}`);
    print(`connector ${c.name}: RUNNING`);
  }
}

/**
 * Seed 003's `CREATE STREAM custstream` infers its columns from the schema the JDBC source
 * registers with its first record, so it runs once that exists (retried until then).
 */
async function runInferredStream(
  ksql: ReturnType<typeof ksqlClient>,
  file: { readonly name: string; readonly text: string },
  scope: Parameters<ReturnType<typeof ksqlClient>['ksql']>[1],
  options: DemoOptions,
  generating: Promise<unknown>,
): Promise<void> {
  let finished = false;
  void generating.then(
    () => (finished = true),
    () => (finished = true),
  );
  await waitFor('the JDBC source schema', 120_000, options.signal, async () => {
    const ok = await ksql.ksql(file.text, scope).then(
      () => true,
      () => false,
    );
    return ok || (finished && options.signal.aborted) ? true : undefined;
  }).catch(() => undefined);
  if (!options.signal.aborted) options.print(`ran ${file.name}`);
}

async function deployedStreams(ksql: ReturnType<typeof ksqlClient>): Promise<Set<string>> {
  const entities = await ksql.ksql('SHOW STREAMS;', {
    streamsProperties: {},
    sessionVariables: {},
  });
  const names = new Set<string>();
  for (const e of entities)
    if (e['@type'] === 'streams') for (const s of e.streams) names.add(s.name);
  return names;
}

/** `QUERY_ID: STATE` of every persistent query that is not RUNNING. */
async function failedQueries(ksql: ReturnType<typeof ksqlClient>): Promise<string[]> {
  const entities = await ksql.ksql('SHOW QUERIES;', {
    streamsProperties: {},
    sessionVariables: {},
  });
  return entities
    .flatMap((e) => (e['@type'] === 'queries' ? e.queries : []))
    .filter((q) => q.state !== 'RUNNING')
    .map((q) => `${q.id}: ${q.state}`);
}
