import { PostgresCdcConnector } from '../../../connectors';
import { changeRecord, modelFor, modelOptions } from '../../../connectors/cdc/change-records';
import type { CatalogColumn } from '../../../connectors/cdc/cdc-catalog';
import { cdcSettings } from '../../../connectors/cdc/cdc-settings';
import { columnSelection } from '../../../connectors/cdc/column-selection';
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
const users = [col('id', 23, true), col('email', 25), col('password', 25), col('bio', 25)];
const row = { id: 1, email: 'ann@example.com', password: 'hunter2', bio: 'Loves long walks' };

function update(props: Record<string, string>) {
  const { selection, errors } = columnSelection(
    props['column.include.list'] ?? '',
    props['column.exclude.list'] ?? '',
    props,
  );
  expect(errors).toEqual([]);
  const model = modelFor(
    { ...modelOptions('srv', types), columns: selection },
    'public',
    'users',
    users,
  );
  return changeRecord({
    op: 'u',
    model,
    before: row,
    after: { ...row, bio: 'Hates walks' },
    source: {
      serverName: 'srv',
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

const valueFields = (r: ReturnType<typeof update>) =>
  r.valueSchema?.fields?.find((f) => f.name === 'after')?.schema.fields?.map((f) => f.name);

test('column.exclude.list removes columns from before, after and the value schema', () => {
  const r = update({ 'column.exclude.list': 'public.users.password,.*\\.bio' });
  const v = r.value as { before: unknown; after: unknown };
  expect(v.before).toEqual({ id: 1, email: 'ann@example.com' });
  expect(v.after).toEqual({ id: 1, email: 'ann@example.com' });
  expect(valueFields(r)).toEqual(['id', 'email']);
});

test('column.include.list keeps only the listed columns; the key keeps its columns', () => {
  const r = update({ 'column.include.list': 'public.users.(email|bio)' });
  expect((r.value as { after: unknown }).after).toEqual({
    email: 'ann@example.com',
    bio: 'Hates walks',
  });
  expect(valueFields(r)).toEqual(['email', 'bio']);
  expect(r.key).toEqual({ id: 1 });
  expect(r.keySchema?.fields?.map((f) => f.name)).toEqual(['id']);
});

test('mask and truncate rewrite string values in the value only', () => {
  const r = update({
    'column.mask.with.8.chars': 'public.users.password',
    'column.truncate.to.5.chars': 'public.users.bio',
    'column.mask.with.0.chars': 'public.users.nothing',
  });
  const v = r.value as { before: Record<string, unknown>; after: Record<string, unknown> };
  expect(v.before['password']).toBe('********');
  expect(v.before['bio']).toBe('Loves');
  expect(v.after['bio']).toBe('Hates');
  expect(v.after['email']).toBe('ann@example.com');
});

const base = {
  'database.hostname': '127.0.0.1',
  'database.user': 'postgres',
  'database.dbname': 'postgres',
  'topic.prefix': 'p',
};

test('include and exclude lists together, bad regexes and bad mapper keys are config errors', async () => {
  const connector = new PostgresCdcConnector({
    sqlPool: () => {
      throw new Error('validate must not connect when the config is invalid');
    },
    replication: { connect: () => Promise.reject(new Error('unused')) },
  } as unknown as ConstructorParameters<typeof PostgresCdcConnector>[0]);
  const both = await connector.validate({
    ...base,
    'column.include.list': 'a.b.c',
    'column.exclude.list': 'a.b.d',
  });
  expect(both['column.exclude.list']).toEqual([
    'column.include.list and column.exclude.list are mutually exclusive; set only one of them',
  ]);
  const mapper = await connector.validate({
    ...base,
    'column.truncate.to.0.chars': 'a.b.c',
    'column.mask.with.x.chars': 'a.b.c',
    'column.mask.with.3.chars': 'a.(b',
  });
  expect(mapper['column.include.list']).toEqual([
    'Invalid value a.(b for configuration column.mask.with.3.chars: not a valid regular expression: Invalid regular expression: /^(?:a.(b)$/i: Unterminated group',
    'Invalid configuration column.mask.with.x.chars: expected column.mask.with.<length>.chars or column.truncate.to.<length>.chars with a non-negative integer length',
    'Invalid value for configuration column.truncate.to.0.chars: the length must be a positive integer',
  ]);
  expect(() => cdcSettings({ ...base, 'column.exclude.list': '(' })).toThrow(
    /Invalid value \( for configuration column.exclude.list: not a valid regular expression/,
  );
});
