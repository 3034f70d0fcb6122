import { atLeast, configDef, oneOf } from '../../config';
import { connectionKeys } from '../jdbc-connection-config';

export const JDBC_SINK_CLASS = 'io.confluent.connect.jdbc.JdbcSinkConnector';

const WRITES = 'Writes';
const DATA = 'Data Mapping';
const DDL = 'DDL Support';
const RETRIES = 'Retries';

export const jdbcSinkConfigDef = configDef([
  ...connectionKeys,
  {
    name: 'insert.mode',
    type: 'STRING',
    defaultValue: 'insert',
    importance: 'HIGH',
    group: WRITES,
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Insert Mode',
    documentation:
      'insert: plain INSERT; upsert: INSERT ... ON CONFLICT (pk) DO UPDATE; update: UPDATE by primary key.',
    validator: oneOf('insert', 'upsert', 'update', 'INSERT', 'UPSERT', 'UPDATE'),
  },
  {
    name: 'batch.size',
    type: 'INT',
    defaultValue: 3000,
    importance: 'MEDIUM',
    group: WRITES,
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Batch Size',
    documentation: 'Maximum number of records written to a table in one statement batch.',
    validator: atLeast(1),
  },
  {
    name: 'delete.enabled',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    group: WRITES,
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Enable deletes',
    documentation:
      'Whether to treat null record values (tombstones) as deletes. Requires pk.mode to be record_key.',
  },
  {
    name: 'table.types',
    type: 'LIST',
    defaultValue: ['TABLE'],
    importance: 'LOW',
    group: WRITES,
    orderInGroup: 4,
    width: 'SHORT',
    displayName: 'Table Types',
    documentation: 'Table types the sink may write to (TABLE, VIEW).',
  },
  {
    name: 'table.name.format',
    type: 'STRING',
    defaultValue: '${topic}',
    importance: 'MEDIUM',
    group: DATA,
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Table Name Format',
    documentation:
      "Format string for the destination table name; ${topic} is replaced by the record's topic. A dot separates schema and table.",
  },
  {
    name: 'pk.mode',
    type: 'STRING',
    defaultValue: 'none',
    importance: 'HIGH',
    group: DATA,
    orderInGroup: 2,
    width: 'MEDIUM',
    displayName: 'Primary Key Mode',
    documentation:
      'none: no keys; kafka: __connect_topic, __connect_partition, __connect_offset; record_key: fields of the record key (a primitive key is one column); record_value: fields of the record value.',
    validator: oneOf('none', 'kafka', 'record_key', 'record_value'),
  },
  {
    name: 'pk.fields',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    group: DATA,
    orderInGroup: 3,
    width: 'LONG',
    displayName: 'Primary Key Fields',
    documentation:
      'Primary key field names; their meaning depends on pk.mode (empty: every key field, or __connect_key for a primitive key).',
  },
  {
    name: 'fields.whitelist',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    group: DATA,
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Fields Whitelist',
    documentation: 'Value fields to write (empty: all). Alias: fields.include.list.',
  },
  {
    name: 'fields.include.list',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    group: DATA,
    orderInGroup: 5,
    width: 'LONG',
    displayName: 'Fields Include List',
    documentation: 'Value fields to write (empty: all).',
  },
  {
    name: 'auto.create',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    group: DDL,
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Auto-Create',
    documentation:
      'Create the destination table (CREATE TABLE) from the record schema when it is missing.',
  },
  {
    name: 'auto.evolve',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    group: DDL,
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Auto-Evolve',
    documentation:
      'Add columns (ALTER TABLE) for record fields the table lacks; only optional fields or fields with defaults can be added.',
  },
  {
    name: 'max.retries',
    type: 'INT',
    defaultValue: 10,
    importance: 'MEDIUM',
    group: RETRIES,
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Maximum Retries',
    documentation:
      'Times to retry a batch after a transient database error before failing the task.',
    validator: atLeast(0),
  },
  {
    name: 'retry.backoff.ms',
    type: 'INT',
    defaultValue: 3000,
    importance: 'MEDIUM',
    group: RETRIES,
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Retry Backoff (millis)',
    documentation: 'Time to wait after a transient error before retrying.',
    validator: atLeast(0),
  },
]);
