import { parseConfig, type ParsedConfig } from '../../config';
import type { SinkRecord } from '../../data/connect-record';
import { ConnectError, DataError, RetriableError, stackTrace } from '../../errors';
import type { SinkTask, SinkTaskContext } from '../../plugins/sink-connector';
import type { Props } from '../../plugins/source-connector';
import { parseTableId, tableIdText } from '../dialect/identifiers';
import type { SqlPool, SqlPoolFactory } from '../sql-client';
import { writeBatch, type InsertMode, type WriteStrategy } from './batch-writer';
import { inferSchema, type PkMode } from './fields-metadata';
import { jdbcSinkConfigDef } from './jdbc-sink-config';
import { RecordBuffer, type BufferSettings } from './record-buffer';
import { TableManager } from './table-manager';

/** The strategy bench/jdbc-sink measured fastest for batched upserts (see the report there). */
export const DEFAULT_WRITE_STRATEGY: WriteStrategy = 'unnest';

/**
 * Writes records to Postgres tables synchronously in `put` (one transaction per put, all or
 * nothing), so `flush` has nothing left to do and committed offsets never run ahead of the
 * database.
 */
export class JdbcSinkTask implements SinkTask {
  private pool: SqlPool | undefined;
  private tables: TableManager | undefined;
  private config: ParsedConfig | undefined;
  private context: SinkTaskContext | undefined;
  private settings: BufferSettings | undefined;
  private mode: InsertMode = 'insert';

  constructor(
    private readonly sqlPool: SqlPoolFactory,
    private readonly strategy: WriteStrategy = DEFAULT_WRITE_STRATEGY,
  ) {}

  start(props: Props, context: SinkTaskContext): Promise<void> {
    const config = parseConfig(jdbcSinkConfigDef, props);
    this.config = config;
    this.context = context;
    this.mode = config.string('insert.mode').toLowerCase() as InsertMode;
    this.pool = this.sqlPool({
      url: config.string('connection.url'),
      user: config.optionalString('connection.user'),
      password: config.optionalString('connection.password'),
      maxConnections: 2,
    });
    this.tables = new TableManager(
      this.pool,
      config.bool('auto.create'),
      config.bool('auto.evolve'),
    );
    this.settings = {
      pkMode: config.string('pk.mode') as PkMode,
      pkFields: config.list('pk.fields'),
      include: [...config.list('fields.whitelist'), ...config.list('fields.include.list')],
      dedupe: this.mode !== 'insert' || config.bool('delete.enabled'),
    };
    return Promise.resolve();
  }

  async put(records: readonly SinkRecord[]): Promise<void> {
    const config = this.config!;
    const batchSize = config.int('batch.size');
    const open = new Map<string, RecordBuffer>();
    // Buffers in the order they must be written: per table, a buffer closed by a schema change or
    // by batch.size goes before the next one of that table.
    const ordered: RecordBuffer[] = [];
    for (const record of records) {
      const table = parseTableId(
        config.string('table.name.format').replace(/\$\{topic\}/g, record.topic),
      );
      const key = tableIdText(table);
      const value = record.value ?? null;
      if (value === null && !config.bool('delete.enabled')) {
        throw new DataError(
          `Sink connector '${this.context!.connectorName}' is configured with 'delete.enabled=false' and 'pk.mode=${config.string('pk.mode')}' and therefore requires records with a non-null value, but found a record at ${record.topic}-${record.kafkaPartition}-${record.kafkaOffset} with a null value`,
          {
            topic: record.topic,
            partition: record.kafkaPartition,
            offset: record.kafkaOffset.toString(),
          },
        );
      }
      const valueSchema = value === null ? null : (record.valueSchema ?? inferSchema(value));
      if (value !== null && valueSchema === null)
        throw new DataError(
          `record at ${record.topic}-${record.kafkaPartition}-${record.kafkaOffset} has no value schema and is not a JSON object`,
        );
      let buffer = open.get(key);
      if (
        buffer !== undefined &&
        (!buffer.accepts(record.keySchema, valueSchema) || buffer.size >= batchSize)
      )
        buffer = undefined;
      if (buffer === undefined) {
        buffer = new RecordBuffer(table, record.keySchema, valueSchema, this.settings!);
        open.set(key, buffer);
        ordered.push(buffer);
      }
      buffer.add(record, value);
    }
    await this.writeAll(ordered);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.pool?.end();
    this.pool = undefined;
  }

  /**
   * Writes every buffer of one `put` in one transaction, retrying it whole: a failed put leaves
   * nothing behind, so the worker can write parts of it again to isolate a bad record (insert
   * mode would otherwise hit its own rows as duplicates).
   */
  private async writeAll(buffers: readonly RecordBuffer[]): Promise<void> {
    const nonEmpty = buffers.filter((b) => b.size > 0);
    if (nonEmpty.length === 0) return;
    const maxRetries = this.config!.int('max.retries');
    for (let attempt = 0; ; attempt++) {
      try {
        await this.writeOnce(nonEmpty);
        return;
      } catch (error) {
        if (!(error instanceof RetriableError) || attempt >= maxRetries) throw error;
        this.context!.logger.warn(
          {
            tables: [...new Set(nonEmpty.map((b) => tableIdText(b.table)))],
            attempt: attempt + 1,
            err: stackTrace(error),
          },
          'JDBC sink write failed, retrying',
        );
        await this.context!.sleep(this.config!.int('retry.backoff.ms'));
      }
    }
  }

  private async writeOnce(buffers: readonly RecordBuffer[]): Promise<void> {
    const batches = buffers.map((b) => ({ buffer: b, batch: b.batch() }));
    // A batch of only deletes carries no value schema to create or evolve the table from.
    for (const { buffer, batch } of batches)
      if (batch.rows.length > 0) await this.tables!.ensure(buffer.table, buffer.meta);
    const session = await this.pool!.session();
    try {
      await session.query('BEGIN');
      for (const { batch } of batches) await writeBatch(session, this.mode, this.strategy, batch);
      await session.query('COMMIT');
    } catch (error) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw sqlFailure(error, buffers);
    } finally {
      session.release();
    }
  }
}

/**
 * A statement the database refused (constraint, length, type): a DataError naming the tables and
 * the SQLSTATE, so the task's status trace and the dead-letter headers say what went wrong.
 */
function sqlFailure(error: unknown, buffers: readonly RecordBuffer[]): unknown {
  const code = (error as { code?: unknown }).code;
  if (error instanceof ConnectError || typeof code !== 'string' || !(error instanceof Error))
    return error;
  const tables = [...new Set(buffers.map((b) => tableIdText(b.table)))].join(', ');
  return new DataError(`writing to ${tables} failed: ${error.message} (SQLSTATE ${code})`, {
    cause: error,
  });
}
