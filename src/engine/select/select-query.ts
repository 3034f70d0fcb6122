import { type Query } from '../core/sql-ast';
import { formatSqlType } from '../../../topology/spec';
import type { QueryHeader, RowQueryHandle } from '../engine-port';
import type { EngineInternals } from '../core/engine-internals';
import type { ScriptSession } from '../core/script-session';
import type { TransientQueryRun, TransientRow } from '../ports';
import { compileTransient } from './transient-compile';
import { planPull, readPullRows, statePartitioning } from '../pull';

type EndReason = 'LIMIT_REACHED' | 'COMPLETED' | 'CLOSED';

/**
 * SELECT as a statement. Rows are the values of the transient topology's sink: the planner
 * puts every selected column (keys included) in the value, in select order. Push (EMIT CHANGES): a transient topology from the end of the input,
 * or from the beginning with `auto.offset.reset=earliest`, streaming rows until LIMIT or close.
 * Pull (no EMIT) on a materialised table (windowed ones included): its rows are read from the table's state in Redis
 * (`../pull`). Other pull queries: a bounded run over everything the input holds now; a table's
 * rows are the latest value per key (deleted keys left out), a stream's rows are its records.
 */
export async function startSelect(
  statement: Query,
  text: string,
  engine: EngineInternals,
  session: ScriptSession,
  n: number,
): Promise<RowQueryHandle> {
  const compiled = compileTransient(statement, text, engine, session, n);
  const pull = compiled.pull;
  const header = {
    queryId: compiled.query.queryId,
    columnNames: compiled.columns.map((c) => c.name),
    columnTypes: compiled.columns.map((c) => formatSqlType(c.type)),
    queryKind: pull ? ('pull' as const) : ('push' as const),
  };
  const warnings: string[] = [];
  if (pull && engine.stateStores) {
    const plan = planPull(compiled.query.topology, engine);
    if (plan.kind === 'state') {
      const partitioning = await statePartitioning(plan.m, engine.topics, engine.serdes);
      const rows = await readPullRows(plan, { backends: engine.stateStores, serdes: engine.serdes, partitioning, limit: compiled.limit });
      return rowsHandle(header, fromArray(rows), compiled.limit, () => Promise.resolve());
    }
    if (plan.kind === 'unmaterialized') {
      warnings.push(
        `${plan.table} is not materialized by a running query: ksqlDB rejects this pull query; Brook answered it by reading the table's topic.`,
      );
      engine.logger.warn({ table: plan.table, queryId: header.queryId }, 'pull query on a table that is not materialized');
    }
  }
  const resultKind = compiled.query.analysis.resultKind;
  const reset = session.property('auto.offset.reset') ?? session.property('ksql.streams.auto.offset.reset');
  const run = await engine.runtime.startTransient(compiled.query.topology, { fromBeginning: pull || reset === 'earliest', bounded: pull });
  const rows = pull && resultKind === 'TABLE' ? tableRows(run) : streamRows(run);
  return rowsHandle(warnings.length > 0 ? { ...header, warnings } : header, rows, compiled.limit, () => run.close());
}

/** A handle over rows: ends at LIMIT, at the end of the rows, or on close. */
function rowsHandle(header: QueryHeader, rows: AsyncIterable<readonly unknown[]>, limit: number | undefined, stop: () => Promise<void>): RowQueryHandle {
  let reason: EndReason | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    reason ??= 'CLOSED';
    await stop();
  };
  async function* limited(): AsyncGenerator<readonly unknown[]> {
    let count = 0;
    try {
      if (limit === 0) {
        reason = 'LIMIT_REACHED';
        return;
      }
      for await (const row of rows) {
        if (closed) return;
        yield row;
        if (limit !== undefined && ++count >= limit) {
          reason = 'LIMIT_REACHED';
          return;
        }
      }
      reason ??= 'COMPLETED';
    } finally {
      await close();
    }
  }
  return { kind: 'rows', header, rows: limited(), endReason: () => reason, close };
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

async function* streamRows(run: TransientQueryRun): AsyncGenerator<readonly unknown[]> {
  for await (const row of run.rows) {
    if (row.value !== null) yield row.value;
  }
}

/** A bounded table read: the last row per key wins, a tombstone removes the key. */
async function* tableRows(run: TransientQueryRun): AsyncGenerator<readonly unknown[]> {
  const latest = new Map<string, TransientRow>();
  for await (const row of run.rows) {
    const key = keyText(row);
    latest.delete(key);
    if (row.value !== null) latest.set(key, row);
  }
  for (const row of latest.values()) if (row.value !== null) yield row.value;
}

function keyText(row: TransientRow): string {
  const parts = row.key.map((v) => (typeof v === 'bigint' ? `${v}n` : v));
  return JSON.stringify([parts, row.window?.start ?? null, row.window?.end ?? null], (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? v.toString('base64') : v,
  );
}
