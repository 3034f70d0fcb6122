import { join } from 'node:path';
import pino from 'pino';
import type { EngineFactory } from '../engine/engine-port';
import { startKsqlServer } from './ksql-server';
import { engineConfigOf, type ServerConfig } from './server-config';

/** Raised when `src/engine/index.ts` (the engine's `createEngine`) is not there yet. */
export class EngineUnavailableError extends Error {
  readonly code = 'ENGINE_UNAVAILABLE';
  readonly retriable = false;

  constructor(cause: unknown) {
    super(
      'The Brook engine (src/engine/index.ts exporting createEngine) is not available in this build',
      { cause },
    );
    this.name = 'EngineUnavailableError';
  }
}

/** Loads the engine factory lazily, so the REPL and other commands never pay for it. */
export async function loadEngineFactory(): Promise<EngineFactory> {
  // A computed path: the engine may not exist yet, and this must compile without it.
  const enginePath = join(__dirname, '..', 'engine');
  let engineModule: { createEngine?: EngineFactory };
  try {
    engineModule = (await import(enginePath)) as { createEngine?: EngineFactory };
  } catch (err) {
    const missing =
      (err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' &&
      (err as Error).message.includes(enginePath);
    if (missing) throw new EngineUnavailableError(err);
    throw err;
  }
  if (typeof engineModule.createEngine !== 'function') throw new EngineUnavailableError(undefined);
  return engineModule.createEngine;
}

/**
 * `brook server`: the engine and the ksqlDB REST API, until SIGINT/SIGTERM. Resolves to the
 * exit code.
 */
export async function runServer(config: ServerConfig, factory: EngineFactory): Promise<number> {
  const logger = pino({ name: 'brook-server', level: config.logLevel });
  const engine = await factory(engineConfigOf(config), { logger });
  const server = await startKsqlServer({ engine, port: config.port, host: config.host, logger });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info({}, 'shutting down');
  await server.close();
  await engine.close();
  return 0;
}
