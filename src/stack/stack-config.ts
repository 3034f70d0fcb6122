import { homedir } from 'node:os';
import { join } from 'node:path';

/** Versions, addresses and folders of the local stack. Downloads live outside the clone. */
export interface StackConfig {
  readonly kafkaVersion: string;
  readonly scalaVersion: string;
  readonly registryVersion: string;
  readonly host: string;
  readonly kafkaPort: number;
  readonly kafkaControllerPort: number;
  readonly registryPort: number;
  readonly postgresPort: number;
  readonly redisPort: number;
  /** Downloaded jars and distributions, kept across clones. */
  readonly cacheDir: string;
  /** Broker storage, logs and the record of what `up` started. */
  readonly stateDir: string;
}

export function stackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const cacheHome = env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const cacheDir = env.BROOK_CACHE_DIR ?? join(cacheHome, 'brook');
  return {
    kafkaVersion: '3.9.2',
    scalaVersion: '2.13',
    // Apicurio 3.1+ is built for Java 21; 3.0.x is the newest 3.x line that runs on Java 17.
    registryVersion: '3.0.9',
    host: '127.0.0.1',
    kafkaPort: 9092,
    kafkaControllerPort: 9093,
    registryPort: 8081,
    postgresPort: 5432,
    redisPort: 6379,
    cacheDir,
    stateDir: env.BROOK_STACK_DIR ?? join(cacheDir, 'stack'),
  };
}

/** The schema registry's Confluent-compatible API, as Brook's clients take it. */
export function registryUrl(config: StackConfig): string {
  return `http://${config.host}:${config.registryPort}/apis/ccompat/v7`;
}
