import { type Print } from '../core/sql-ast';
import type { PrintHandle } from '../engine-port';
import type { EngineInternals } from '../core/engine-internals';
import { rejected } from '../core/statement-errors';
import { PrintDecoder } from './print-formats';
import { PrintLines } from './print-lines';

/**
 * PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]: streams the topic's records as text
 * lines until LIMIT records were printed or the handle is closed. Reads without committing.
 */
export async function startPrint(statement: Print, engine: EngineInternals, queryId: string): Promise<PrintHandle> {
  const topic = statement.topic.name;
  if (!(await engine.topics.describeTopic(topic))) {
    throw rejected(`Could not find topic '${topic}', or the KSQL user does not have permissions to list the topic. Topic names are case-sensitive.`);
  }
  const reader = await engine.records.read(topic, { fromBeginning: statement.fromBeginning, readerId: queryId });
  const printer = new PrintLines(new PrintDecoder(engine.registry));
  const interval = Math.max(1, statement.interval ?? 1);
  const limit = statement.limit;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await reader.close();
  };
  async function* lines(): AsyncGenerator<string> {
    let seen = 0;
    let printed = 0;
    try {
      for await (const record of reader.records) {
        if (closed) return;
        if (seen++ % interval !== 0) continue;
        for (const line of await printer.linesFor(record)) yield line;
        printed++;
        if (limit !== undefined && printed >= limit) return;
      }
    } finally {
      await close();
    }
  }
  return { kind: 'print', queryId, lines: lines(), close };
}
