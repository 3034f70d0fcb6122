import { atLeast, configDef, nonEmptyString, oneOf, type ConfigKey } from '../config';
import { regexListValidator } from './column-selection';
import { messageKeyColumnsValidator } from './message-key-columns';

export const POSTGRES_CDC_CLASS = 'io.debezium.connector.postgresql.PostgresConnector';
/** Reported in `source.version` and `/connector-plugins`: the Debezium release whose shape we follow. */
export const POSTGRES_CDC_VERSION = '2.7.3.Final';

const CONN = 'Connection';
const CDC = 'Replication';
const EVENTS = 'Events';

type KeySpec = Omit<ConfigKey, 'importance' | 'group'> & Partial<Pick<ConfigKey, 'importance'>>;
const key = (group: string, spec: KeySpec): ConfigKey => ({ importance: 'MEDIUM', group, ...spec });

/** Debezium's PostgresConnectorConfig keys that Brook implements, with Debezium's defaults. */
export const postgresCdcConfigDef = configDef([
  key(CONN, {
    name: 'database.hostname',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'Resolvable hostname or IP address of the database server.',
    validator: nonEmptyString(),
  }),
  key(CONN, {
    name: 'database.port',
    type: 'INT',
    defaultValue: 5432,
    documentation: 'Port of the database server.',
  }),
  key(CONN, {
    name: 'database.user',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'Name of the database user (needs REPLICATION and SELECT).',
  }),
  key(CONN, {
    name: 'database.password',
    type: 'PASSWORD',
    defaultValue: null,
    documentation: 'Password of the database user.',
  }),
  key(CONN, {
    name: 'database.dbname',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'The name of the database from which to stream changes.',
  }),
  key(CONN, {
    name: 'topic.prefix',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation:
      'Topic prefix (logical server name): topics are <prefix>.<schema>.<table>. Falls back to database.server.name.',
  }),
  key(CONN, {
    name: 'database.server.name',
    type: 'STRING',
    defaultValue: null,
    documentation: 'Debezium 1.x name of topic.prefix.',
  }),
  key(CDC, {
    name: 'plugin.name',
    type: 'STRING',
    defaultValue: 'pgoutput',
    documentation: 'Logical decoding plugin; only pgoutput is supported.',
    validator: oneOf('pgoutput'),
  }),
  key(CDC, {
    name: 'slot.name',
    type: 'STRING',
    defaultValue: 'debezium',
    documentation: 'Name of the logical replication slot.',
  }),
  key(CDC, {
    name: 'slot.drop.on.stop',
    type: 'BOOLEAN',
    defaultValue: false,
    documentation: 'Drop the slot when the connector stops (tests and throwaway setups only).',
  }),
  key(CDC, {
    name: 'publication.name',
    type: 'STRING',
    defaultValue: 'dbz_publication',
    documentation: 'Name of the publication pgoutput streams.',
  }),
  key(CDC, {
    name: 'publication.autocreate.mode',
    type: 'STRING',
    defaultValue: 'all_tables',
    documentation:
      'all_tables: CREATE PUBLICATION FOR ALL TABLES; filtered: for the tables the include/exclude lists select (kept in sync at start); disabled: the publication must exist.',
    validator: oneOf('all_tables', 'filtered', 'disabled'),
  }),
  key(CDC, {
    name: 'schema.include.list',
    type: 'STRING',
    defaultValue: '',
    documentation: 'Comma-separated regexes of schemas to capture.',
    validator: regexListValidator(),
  }),
  key(CDC, {
    name: 'schema.exclude.list',
    type: 'STRING',
    defaultValue: '',
    documentation: 'Comma-separated regexes of schemas not to capture.',
    validator: regexListValidator(),
  }),
  key(CDC, {
    name: 'table.include.list',
    type: 'STRING',
    defaultValue: '',
    documentation: 'Comma-separated regexes matched against schema.table of tables to capture.',
    validator: regexListValidator(),
  }),
  key(CDC, {
    name: 'table.exclude.list',
    type: 'STRING',
    defaultValue: '',
    documentation: 'Comma-separated regexes matched against schema.table of tables not to capture.',
    validator: regexListValidator(),
  }),
  key(CDC, {
    name: 'column.include.list',
    type: 'STRING',
    defaultValue: '',
    documentation:
      'Comma-separated regexes matched against schema.table.column of the columns change event values carry; not together with column.exclude.list.',
    validator: regexListValidator(),
  }),
  key(CDC, {
    name: 'column.exclude.list',
    type: 'STRING',
    defaultValue: '',
    documentation:
      'Comma-separated regexes matched against schema.table.column of the columns left out of change event values (keys keep them).',
    validator: regexListValidator(),
  }),
  key(CDC, {
    name: 'message.key.columns',
    type: 'STRING',
    defaultValue: '',
    documentation:
      'Custom record keys: <schema>.<table>:<column>[,<column>...] entries separated by ;, table and columns as regexes; tables without a match keep their primary key.',
    validator: messageKeyColumnsValidator(),
  }),
  key(CDC, {
    name: 'snapshot.mode',
    type: 'STRING',
    defaultValue: 'initial',
    documentation: 'initial, always, never, no_data (alias never), initial_only.',
    validator: oneOf('initial', 'always', 'never', 'no_data', 'initial_only'),
  }),
  key(CDC, {
    name: 'signal.data.collection',
    type: 'STRING',
    defaultValue: null,
    documentation:
      'The signal table <schema>.<table> (columns id, type, data): an execute-snapshot row starts an incremental snapshot.',
    validator: {
      describe: '<schema>.<table>',
      check: (value) =>
        value === null || value === '' || /^[^.\s]+\.[^.\s]+$/.test(String(value))
          ? undefined
          : 'must be the fully-qualified name <schema>.<table> of the signal table',
    },
  }),
  key(CDC, {
    name: 'incremental.snapshot.chunk.size',
    type: 'INT',
    defaultValue: 1024,
    documentation: 'Rows read per chunk of an incremental snapshot.',
    validator: atLeast(1),
  }),
  key(CDC, {
    name: 'snapshot.fetch.size',
    type: 'INT',
    defaultValue: 10240,
    documentation: 'Rows fetched per round trip while snapshotting.',
    validator: atLeast(1),
  }),
  key(CDC, {
    name: 'max.batch.size',
    type: 'INT',
    defaultValue: 2048,
    documentation: 'Maximum number of events per poll.',
    validator: atLeast(1),
  }),
  key(CDC, {
    name: 'max.queue.size',
    type: 'INT',
    defaultValue: 8192,
    documentation: 'Decoded messages buffered before the replication socket is paused.',
    validator: atLeast(1),
  }),
  key(CDC, {
    name: 'poll.interval.ms',
    type: 'LONG',
    defaultValue: 500,
    documentation: 'How long a poll waits for new events.',
    validator: atLeast(1),
  }),
  key(CDC, {
    name: 'status.update.interval.ms',
    type: 'LONG',
    defaultValue: 10000,
    documentation: 'Interval of standby status updates sent to the server.',
    validator: atLeast(1),
  }),
  key(CDC, {
    name: 'retriable.restart.connector.wait.ms',
    type: 'LONG',
    defaultValue: 10000,
    documentation: 'Maximum wait before reconnecting after the database went away.',
    validator: atLeast(0),
  }),
  key(EVENTS, {
    name: 'tombstones.on.delete',
    type: 'BOOLEAN',
    defaultValue: true,
    documentation: 'Emit a tombstone (null value) after each delete event.',
  }),
  key(EVENTS, {
    name: 'skipped.operations',
    type: 'STRING',
    defaultValue: 't',
    documentation: 'Comma-separated operations not emitted: c, u, d, t, or none.',
  }),
  key(EVENTS, {
    name: 'truncate.handling.mode',
    type: 'STRING',
    defaultValue: null,
    documentation:
      'Debezium 1.x: include emits truncate events (same as removing t from skipped.operations); skip does not.',
    validator: oneOf('skip', 'include'),
  }),
  key(EVENTS, {
    name: 'heartbeat.interval.ms',
    type: 'INT',
    defaultValue: 0,
    documentation:
      'Emit a heartbeat to __debezium-heartbeat.<prefix> this often so an idle slot releases WAL; 0 disables.',
    validator: atLeast(0),
  }),
  key(EVENTS, {
    name: 'heartbeat.topics.prefix',
    type: 'STRING',
    defaultValue: '__debezium-heartbeat',
    documentation: 'Prefix of the heartbeat topic.',
  }),
  key(EVENTS, {
    name: 'decimal.handling.mode',
    type: 'STRING',
    defaultValue: 'precise',
    documentation: 'NUMERIC as precise (Connect Decimal), double or string.',
    validator: oneOf('precise', 'double', 'string'),
  }),
  key(EVENTS, {
    name: 'time.precision.mode',
    type: 'STRING',
    defaultValue: 'adaptive',
    documentation:
      'adaptive, adaptive_time_microseconds, connect, microseconds, nanoseconds or isostring.',
    validator: oneOf(
      'adaptive',
      'adaptive_time_microseconds',
      'connect',
      'microseconds',
      'nanoseconds',
      'isostring',
    ),
  }),
  key(EVENTS, {
    name: 'binary.handling.mode',
    type: 'STRING',
    defaultValue: 'bytes',
    documentation: 'BYTEA as bytes, base64, base64-url-safe or hex.',
    validator: oneOf('bytes', 'base64', 'base64-url-safe', 'hex'),
  }),
  key(EVENTS, {
    name: 'interval.handling.mode',
    type: 'STRING',
    defaultValue: 'numeric',
    documentation: 'INTERVAL as numeric (MicroDuration) or string (ISO 8601).',
    validator: oneOf('numeric', 'string'),
  }),
  key(EVENTS, {
    name: 'unavailable.value.placeholder',
    type: 'STRING',
    defaultValue: '__debezium_unavailable_value',
    documentation: 'Stands for unchanged TOASTed values the server did not send.',
  }),
  key(EVENTS, {
    name: 'provide.transaction.metadata',
    type: 'BOOLEAN',
    defaultValue: false,
    documentation:
      'Emit BEGIN/END events to <topic.prefix>.<topic.transaction> and fill the envelope transaction block (id, total_order, data_collection_order).',
  }),
  key(EVENTS, {
    name: 'topic.transaction',
    type: 'STRING',
    defaultValue: 'transaction',
    documentation: 'Suffix of the transaction metadata topic <topic.prefix>.<topic.transaction>.',
    validator: nonEmptyString(),
  }),
  key(EVENTS, {
    name: 'hstore.handling.mode',
    type: 'STRING',
    defaultValue: 'json',
    documentation: 'HSTORE as json (io.debezium.data.Json string) or map (MAP<STRING,STRING>).',
    validator: oneOf('json', 'map'),
  }),
]);
