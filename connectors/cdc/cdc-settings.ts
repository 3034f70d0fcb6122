import { parseConfig } from '../config';
import { BadConfigError } from '../errors';
import type { SqlConnectionConfig } from '../jdbc/sql-client';
import type { Props } from '../plugins/source-connector';
import type { ModelOptions } from './change-records';
import { columnSelection } from './column-selection';
import type { Op } from './envelope';
import { messageKeyColumns } from './message-key-columns';
import { postgresCdcConfigDef } from './postgres-cdc-config';
import type { BinaryMode, DecimalMode, TimeMode, TypeOptions } from './pg-type-mapping';
import type { ReplicationParams } from './replication-port';
import { tableFilter, type TableFilter } from './table-filter';

export type SnapshotMode = 'initial' | 'always' | 'never' | 'no_data' | 'initial_only';

/** The Postgres CDC connector's configuration, parsed and checked once. */
export interface CdcSettings {
  readonly prefix: string;
  readonly replication: ReplicationParams;
  readonly sql: SqlConnectionConfig;
  readonly slot: string;
  readonly dropSlotOnStop: boolean;
  readonly publication: string;
  readonly publicationMode: 'all_tables' | 'filtered' | 'disabled';
  readonly filter: TableFilter;
  readonly snapshotMode: SnapshotMode;
  readonly fetchSize: number;
  readonly maxBatch: number;
  readonly maxQueue: number;
  readonly pollIntervalMs: number;
  readonly statusIntervalMs: number;
  readonly reconnectMaxMs: number;
  readonly tombstones: boolean;
  readonly skipped: ReadonlySet<Op>;
  readonly heartbeatMs: number;
  readonly heartbeatTopic: string;
  readonly types: TypeOptions;
  /** How tables become events: prefix, types, message key columns, column selection. */
  readonly model: ModelOptions;
  readonly placeholder: string;
  readonly transactionMetadata: boolean;
  readonly transactionTopic: string;
  /** `signal.data.collection`, or null when signals are off. */
  readonly signalTable: { readonly schema: string; readonly table: string } | null;
  readonly incrementalChunkSize: number;
}

/**
 * Checks that span several keys or concern keys the ConfigDef cannot declare (the column
 * mappers' `column.mask.with.<n>.chars` names). Connect's validate answer lists declared keys
 * only, so mapper errors (whose text names their key) are reported under `column.include.list`.
 */
export function crossKeyErrors(props: Props): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const set = (k: string) => (props[k] ?? '').trim() !== '';
  if (set('column.include.list') && set('column.exclude.list')) {
    const message =
      'column.include.list and column.exclude.list are mutually exclusive; set only one of them';
    errors['column.include.list'] = [message];
    errors['column.exclude.list'] = [message];
  }
  const { errors: mapperErrors } = columnSelection('', '', props);
  if (mapperErrors.length > 0)
    errors['column.include.list'] = [...(errors['column.include.list'] ?? []), ...mapperErrors];
  return errors;
}

function skippedOps(skipped: string, truncateMode: string | null): Set<Op> {
  const ops = new Set<Op>();
  for (const s of skipped.split(',').map((x) => x.trim()))
    if (s === 'c' || s === 'u' || s === 'd' || s === 't') ops.add(s);
  if (truncateMode === 'include') ops.delete('t');
  if (truncateMode === 'skip') ops.add('t');
  return ops;
}

function signalTable(name: string | null): CdcSettings['signalTable'] {
  if (name === null) return null;
  const [schema = '', table = ''] = name.split('.');
  return { schema, table };
}

export function cdcSettings(props: Props): CdcSettings {
  const c = parseConfig(postgresCdcConfigDef, props, Object.values(crossKeyErrors(props)).flat());
  const prefix = c.optionalString('topic.prefix') ?? c.optionalString('database.server.name');
  if (prefix === null)
    throw new BadConfigError(
      'Missing required configuration "topic.prefix" which has no default value.',
    );
  const host = c.string('database.hostname');
  const port = c.int('database.port');
  const user = c.string('database.user');
  const password = c.optionalString('database.password');
  const database = c.string('database.dbname');
  const types: TypeOptions = {
    decimal: c.string('decimal.handling.mode') as DecimalMode,
    time: c.string('time.precision.mode') as TimeMode,
    binary: c.string('binary.handling.mode') as BinaryMode,
    interval: c.string('interval.handling.mode') as 'numeric' | 'string',
    hstore: c.string('hstore.handling.mode') as 'json' | 'map',
  };
  return {
    prefix,
    replication: { host, port, database, user, ...(password === null ? {} : { password }) },
    sql: {
      url: `jdbc:postgresql://${host}:${port}/${database}`,
      user,
      password,
      maxConnections: 2,
    },
    slot: c.string('slot.name'),
    dropSlotOnStop: c.bool('slot.drop.on.stop'),
    publication: c.string('publication.name'),
    publicationMode: c.string('publication.autocreate.mode') as CdcSettings['publicationMode'],
    filter: tableFilter({
      schemaInclude: c.string('schema.include.list'),
      schemaExclude: c.string('schema.exclude.list'),
      tableInclude: c.string('table.include.list'),
      tableExclude: c.string('table.exclude.list'),
    }),
    snapshotMode: c.string('snapshot.mode') as SnapshotMode,
    fetchSize: c.int('snapshot.fetch.size'),
    maxBatch: c.int('max.batch.size'),
    maxQueue: c.int('max.queue.size'),
    pollIntervalMs: c.int('poll.interval.ms'),
    statusIntervalMs: c.int('status.update.interval.ms'),
    reconnectMaxMs: c.int('retriable.restart.connector.wait.ms'),
    tombstones: c.bool('tombstones.on.delete'),
    skipped: skippedOps(c.string('skipped.operations'), c.optionalString('truncate.handling.mode')),
    heartbeatMs: c.int('heartbeat.interval.ms'),
    heartbeatTopic: `${c.string('heartbeat.topics.prefix')}.${prefix}`,
    types,
    model: {
      prefix,
      types,
      keyColumns: messageKeyColumns(c.string('message.key.columns')),
      columns: columnSelection(
        c.string('column.include.list'),
        c.string('column.exclude.list'),
        props,
      ).selection,
    },
    placeholder: c.string('unavailable.value.placeholder'),
    transactionMetadata: c.bool('provide.transaction.metadata'),
    transactionTopic: `${prefix}.${c.string('topic.transaction')}`,
    signalTable: signalTable(c.optionalString('signal.data.collection')),
    incrementalChunkSize: c.int('incremental.snapshot.chunk.size'),
  };
}
