/**
 * A runner instance in its own process, for fault tests that kill it with SIGKILL. Settings
 * come from the environment (FAULT_*); it prints one JSON line per runner event on stdout and
 * stops cleanly on SIGTERM.
 */
import { createSerdeFactory, kafkajsClient, startQuery } from '../../../topology';
import { connectRedis, RedisBackendFactory } from '../../../topology/state/redis';
import { windowedCountSpec } from './windowed-query';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const serviceId = env('FAULT_SERVICE_ID');
  const spec = windowedCountSpec({
    serviceId,
    source: env('FAULT_SOURCE'),
    sink: env('FAULT_SINK'),
  });
  const kafka = kafkajsClient({ brokers: env('FAULT_BROKERS').split(','), clientId: 'fault' });
  const redis = connectRedis(env('FAULT_REDIS'));
  const handle = await startQuery({
    spec,
    serviceId,
    kafka,
    backends: new RedisBackendFactory({ redis, keyPrefix: env('FAULT_KEY_PREFIX') }),
    serdes: createSerdeFactory({}),
    properties: {
      'processing.guarantee': env('FAULT_GUARANTEE'),
      'auto.offset.reset': 'earliest',
      'commit.interval.ms': '200',
      'cache.max.bytes.buffering': '0',
      'session.timeout.ms': '6000',
      'heartbeat.interval.ms': '1000',
    },
    onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
  });
  process.on('SIGTERM', () => {
    void handle
      .stop()
      .then(() => Promise.all([redis.close(), kafka.close()]))
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
