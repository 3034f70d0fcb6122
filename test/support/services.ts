import { registryUrl, stackConfig } from '../../src/stack';

/** Addresses of the real services the integration tests use. */
const config = stackConfig();
export const services = {
  kafkaBrokers: [`${config.host}:${config.kafkaPort}`],
  registryUrl: registryUrl(config),
  postgresUrl: `postgres://postgres@${config.host}:${config.postgresPort}/postgres`,
  redisUrl: `redis://${config.host}:${config.redisPort}`,
} as const;

/** A name unique to this test run, derived from a label, for topics, groups and tables. */
export function uniqueName(label: string): string {
  return `${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
