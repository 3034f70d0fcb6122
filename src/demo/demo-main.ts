import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { kafkaRecordPort } from '../datagen';
import { registryUrl, stackConfig, stackUp } from '../stack';
import { runDemo } from './run-demo';

export interface DemoCliOptions {
  /** Stop after this many seconds; undefined runs until Ctrl-C. */
  readonly durationSeconds?: number;
  readonly seed: number;
  readonly perTick: number;
  readonly intervalSeconds: number;
  readonly serviceId: string;
  readonly port: number;
  readonly connectPort: number;
  readonly snapshotSeconds: number;
  /** Isolates this run's topics, schemas and connectors under one name. */
  readonly namespace?: string;
}

/**
 * `brook demo`: brings the local stack up when it is not running, then the whole medallion
 * pipeline with a live view, until Ctrl-C or `--duration`. Everything it started stops.
 */
export async function demoMain(
  options: DemoCliOptions,
  print: (line: string) => void,
): Promise<number> {
  const stop = new AbortController();
  const onSignal = (): void => {
    print('stopping...');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const timer =
    options.durationSeconds === undefined
      ? undefined
      : setTimeout(() => stop.abort(), options.durationSeconds * 1000);
  const config = stackConfig();
  const brokers = `${config.host}:${config.kafkaPort}`;
  const logPath = join(tmpdir(), `brook-demo-${options.serviceId}.log`);
  const logger = pino({ name: 'brook-demo', level: 'info' }, pino.destination(logPath));
  print(`server log: ${logPath}`);
  const records = kafkaRecordPort({ brokers: [brokers], clientId: 'brook-demo-datagen' });
  try {
    const started = await stackUp((line) => print(`[stack] ${line}`));
    if (started.length > 0) print(`[stack] started ${started.join(', ')}`);
    const run = await runDemo(
      {
        namespace: {
          topicPrefix: options.namespace === undefined ? '' : `${options.namespace}-`,
          oltpSchema: options.namespace === undefined ? 'public' : `${options.namespace}_oltp`,
          goldSchema: options.namespace === undefined ? 'gold' : `${options.namespace}_gold`,
          connectorPrefix: options.namespace === undefined ? '' : `${options.namespace}-`,
          postgresUrl: `postgres://postgres@${config.host}:${config.postgresPort}/postgres`,
          schemaRegistryUrl: registryUrl(config),
        },
        serviceId: options.serviceId,
        bootstrapServers: brokers,
        redisUrl: `redis://${config.host}:${config.redisPort}`,
        seed: options.seed,
        perTick: options.perTick,
        intervalSeconds: options.intervalSeconds,
        dirtyRate: 0.02,
        duplicateRate: 0.02,
        port: options.port,
        connectPort: options.connectPort,
        snapshotSeconds: options.snapshotSeconds,
        signal: stop.signal,
        print,
        logger,
      },
      { records },
    );
    print(
      `datagen stopped: ${run.totals.oltpChanges} Postgres changes, ${run.totals.records} topic records`,
    );
    await run.close();
    print('stopped');
    return 0;
  } finally {
    if (timer) clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await records.close();
  }
}
