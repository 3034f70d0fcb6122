import { validateResponse } from '../../../connectors';
import { changeRecord, modelFor, modelOptions } from '../../../connectors/cdc/change-records';
import type { CatalogColumn } from '../../../connectors/cdc/cdc-catalog';
import { keyColumnsOf, messageKeyColumns } from '../../../connectors/cdc/message-key-columns';
import {
  postgresCdcConfigDef,
  POSTGRES_CDC_CLASS,
} from '../../../connectors/cdc/postgres-cdc-config';
import type { TypeOptions } from '../../../connectors/cdc/pg-type-mapping';

const types: TypeOptions = {
  decimal: 'precise',
  time: 'adaptive',
  binary: 'bytes',
  interval: 'numeric',
};
const col = (name: string, typeOid: number, primaryKey = false): CatalogColumn => ({
  name,
  typeOid,
  typeModifier: -1,
  nullable: !primaryKey,
  primaryKey,
});
const customers = [col('id', 23, true), col('email', 25), col('region', 25), col('name', 25)];

function record(keyColumns: string, catalog: readonly CatalogColumn[], table = 'customers') {
  const model = modelFor(
    { ...modelOptions('dbserver1', types), keyColumns: messageKeyColumns(keyColumns) },
    'inventory',
    table,
    catalog,
  );
  return changeRecord({
    op: 'c',
    model,
    before: null,
    after: { id: 7, email: 'a@b.c', region: 'eu', name: 'Ann' },
    source: {
      serverName: 'dbserver1',
      db: 'postgres',
      commitTimeUs: 0n,
      snapshot: 'false',
      lastCommitLsn: null,
      lsn: 1n,
      txId: 1,
    },
    position: { partition: {}, offset: {} },
    nowMs: 0,
    transaction: null,
  });
}

test('message.key.columns replaces the primary key in the record key and its schema', () => {
  const r = record('inventory.customers:email', customers);
  expect(r.key).toEqual({ email: 'a@b.c' });
  expect(r.keySchema).toMatchObject({
    name: 'dbserver1.inventory.customers.Key',
    fields: [{ name: 'email', schema: { type: 'STRING', optional: true } }],
  });
  expect((r.value as { after: unknown }).after).toEqual({
    id: 7,
    email: 'a@b.c',
    region: 'eu',
    name: 'Ann',
  });
});

test('several tables and columns, tables as regexes, columns in table order', () => {
  const keys = messageKeyColumns('public.t1:c1,c2; (.*).cust.*:name,email');
  expect(keyColumnsOf(keys, 'inventory', 'customers', ['id', 'email', 'region', 'name'])).toEqual(
    new Set(['email', 'name']),
  );
  expect(keyColumnsOf(keys, 'public', 't1', ['c2', 'c1', 'c3'])).toEqual(new Set(['c2', 'c1']));
  expect(keyColumnsOf(keys, 'public', 't2', ['c1'])).toBeUndefined();
  expect(record('public.t1:c1;(.*).customers:region,id', customers).key).toEqual({
    id: 7,
    region: 'eu',
  });
});

test('tables the list does not name keep their primary key', () => {
  expect(record('public.other:x', customers).key).toEqual({ id: 7 });
});

test('a table without a primary key gets a key from message.key.columns', () => {
  const noPk = customers.map((c) => ({ ...c, primaryKey: false, nullable: true }));
  expect(record('', noPk).key).toBeNull();
  expect(record('', noPk).keySchema).toBeNull();
  const keyed = record('inventory.customers:region,name', noPk);
  expect(keyed.key).toEqual({ region: 'eu', name: 'Ann' });
  expect(keyed.keySchema?.fields?.map((f) => f.name)).toEqual(['region', 'name']);
});

test('malformed message.key.columns fails config validation with the expected form', () => {
  const base = {
    'database.hostname': 'h',
    'database.user': 'u',
    'database.dbname': 'd',
    'topic.prefix': 'p',
  };
  const errorsOf = (value: string) =>
    validateResponse(POSTGRES_CDC_CLASS, postgresCdcConfigDef, {
      ...base,
      'message.key.columns': value,
    }).configs.find((c) => c.definition.name === 'message.key.columns')!.value.errors;
  expect(errorsOf('inventory.customers:email;public.t:a,b')).toEqual([]);
  expect(errorsOf('inventory.customers')).toEqual([
    "Invalid value inventory.customers for configuration message.key.columns: entry 'inventory.customers' must have the form <schema>.<table>:<column>[,<column>...] (entries separated by ';')",
  ]);
  expect(errorsOf('inventory.customers:a,,b')[0]).toContain('must have the form');
  expect(errorsOf('inventory.(cust:a')[0]).toContain('not a valid regular expression');
});
