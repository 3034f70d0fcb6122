import type { FastifyReply } from 'fastify';
import type { EnginePort } from '../engine/engine-port';
import type { ActiveQueries } from './active-queries';

/** A structured logger (pino's shape). */
export interface ServerLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export interface RouteContext {
  readonly engine: EnginePort;
  readonly queries: ActiveQueries;
  readonly logger: ServerLogger;
}

type RawResponse = FastifyReply['raw'];

/** Writes one chunk of a streamed answer, waiting while the client is slow to read. */
export async function writeChunk(res: RawResponse, text: string): Promise<void> {
  if (res.destroyed || res.writableEnded) return;
  if (res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Runs `onClose` when the client goes away before the answer ended (Ctrl-C in the REPL). */
export function onClientGone(res: RawResponse, onClose: () => void): void {
  // `writableEnded`, not `writableFinished`: HTTP/2 responses report finished once reset.
  res.once('close', () => {
    if (!res.writableEnded) onClose();
  });
}
