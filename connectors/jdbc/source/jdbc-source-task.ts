import { parseConfig, type ParsedConfig } from '../../config';
import type { SourceRecord } from '../../data/connect-record';
import { RetriableError, stackTrace } from '../../errors';
import type { Props, SourceTask, SourceTaskContext } from '../../plugins/source-connector';
import { parseTableId } from '../dialect/identifiers';
import type { NumericMapping } from '../dialect/pg-source-types';
import type { SqlPool, SqlPoolFactory } from '../sql-client';
import { jdbcSourceConfigDef } from './jdbc-source-config';
import type { LoadMode } from './offset-criteria';
import { decodeOffset, TableQuerier, type QuerierSettings } from './table-querier';

export function numericMapping(config: ParsedConfig): NumericMapping {
  const explicit = config.optionalString('numeric.mapping');
  if (explicit !== null) return explicit as NumericMapping;
  return config.bool('numeric.precision.mapping') ? 'precision_only' : 'none';
}

export function databaseName(url: string): string {
  const m = /\/\/[^/]+\/([^?;]+)/.exec(url);
  return m?.[1] ?? 'postgres';
}

/**
 * Polls its tables (task config `tables`, a JSON list) or the custom query, earliest-due first;
 * a table that returned a full batch is due again at once, otherwise after `poll.interval.ms`.
 */
export class JdbcSourceTask implements SourceTask {
  private pool: SqlPool | undefined;
  private queriers: TableQuerier[] = [];
  private context: SourceTaskContext | undefined;
  private pollInterval = 5000;
  private batchMax = 100;

  constructor(private readonly sqlPool: SqlPoolFactory) {}

  start(props: Props, context: SourceTaskContext): Promise<void> {
    const config = parseConfig(jdbcSourceConfigDef, props);
    this.context = context;
    this.pollInterval = config.int('poll.interval.ms');
    this.batchMax = config.int('batch.max.rows');
    this.pool = this.sqlPool({
      url: config.string('connection.url'),
      user: config.optionalString('connection.user'),
      password: config.optionalString('connection.password'),
      maxConnections: 2,
    });
    const settings: QuerierSettings = {
      mode: config.string('mode') as LoadMode,
      timestampColumns: config.list('timestamp.column.name'),
      incrementingColumn: config.string('incrementing.column.name'),
      topicPrefix: config.string('topic.prefix'),
      batchMaxRows: this.batchMax,
      delayMs: config.int('timestamp.delay.interval.ms'),
      validateNonNull: config.bool('validate.non.null'),
      numericMapping: numericMapping(config),
      querySuffix: config.string('query.suffix'),
    };
    const initialRaw = config.optionalString('timestamp.initial');
    const initial =
      initialRaw === null ? null : Number(initialRaw) === -1 ? Date.now() : Number(initialRaw);
    const database = databaseName(config.string('connection.url'));
    const query = config.string('query');
    const sources =
      query !== ''
        ? [{ kind: 'query' as const, query }]
        : (JSON.parse(props['tables'] ?? '[]') as string[]).map((t) => ({
            kind: 'table' as const,
            table: parseTableId(t),
            database,
          }));
    this.queriers = sources.map((source) => {
      const probe = new TableQuerier(this.pool!, source, settings, {
        timestamp: null,
        incrementing: null,
      });
      const stored = context.offsetStorageReader.offset(probe.partition);
      return new TableQuerier(this.pool!, source, settings, decodeOffset(stored, initial));
    });
    context.logger.info(
      { tables: this.queriers.map((q) => q.name), mode: settings.mode },
      'JDBC source task started',
    );
    return Promise.resolve();
  }

  async poll(): Promise<readonly SourceRecord[] | null> {
    const context = this.context!;
    const next = this.queriers.reduce<TableQuerier | undefined>(
      (a, b) => (a === undefined || b.nextPollAt < a.nextPollAt ? b : a),
      undefined,
    );
    if (next === undefined) {
      await context.sleep(this.pollInterval);
      return null;
    }
    const wait = next.nextPollAt - Date.now();
    if (wait > 0) await context.sleep(wait);
    if (context.signal.aborted) return null;
    try {
      const records = await next.poll();
      next.nextPollAt =
        records.length >= this.batchMax ? Date.now() : Date.now() + this.pollInterval;
      return records;
    } catch (error) {
      if (!(error instanceof RetriableError)) throw error;
      context.logger.warn(
        { table: next.name, err: stackTrace(error) },
        'JDBC source query failed, retrying after poll.interval.ms',
      );
      next.nextPollAt = Date.now() + this.pollInterval;
      return null;
    }
  }

  async stop(): Promise<void> {
    await this.pool?.end();
    this.pool = undefined;
  }
}
