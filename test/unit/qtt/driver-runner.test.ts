import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCases, type CaseResult } from '../../../src/qtt';

/** Writes one QTT file with the given tests and runs it in driver mode. */
async function run(tests: readonly object[]): Promise<CaseResult[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'brook-qtt-')), 'sample.json');
  writeFileSync(file, JSON.stringify({ tests }));
  const { results, loadErrors } = await runCases([file], { mode: 'driver' });
  expect(loadErrors).toEqual([]);
  return [...results];
}

const source =
  "CREATE STREAM INPUT (ID INT KEY, NAME STRING, AMOUNT BIGINT) WITH (kafka_topic='input_topic', value_format='JSON');";
const inputs = [
  { topic: 'input_topic', key: 1, value: { NAME: 'a', AMOUNT: 10 }, timestamp: 5 },
  { topic: 'input_topic', key: 2, value: { NAME: 'b', AMOUNT: 20 }, timestamp: 6 },
];
const filter = (outputs: readonly object[], extra: object = {}) => ({
  name: 'filter',
  statements: [source, 'CREATE STREAM OUTPUT AS SELECT ID, NAME FROM INPUT WHERE AMOUNT > 15;'],
  inputs,
  outputs,
  ...extra,
});

describe('QTT driver mode', () => {
  it('passes a case whose outputs, timestamps and post-conditions match', async () => {
    const [result] = await run([
      filter([{ topic: 'OUTPUT', key: 2, value: { NAME: 'b' }, timestamp: 6 }], {
        post: { sources: [{ name: 'OUTPUT', type: 'stream', schema: 'ID INT KEY, NAME VARCHAR' }] },
      }),
    ]);
    expect(result).toMatchObject({ name: 'sample - filter', status: 'passed' });
  });

  it('classifies wrong values, missing records, timestamps and post-conditions', async () => {
    const results = await run([
      { ...filter([{ topic: 'OUTPUT', key: 2, value: { NAME: 'x' } }]), name: 'value' },
      {
        ...filter([
          { topic: 'OUTPUT', key: 2, value: { NAME: 'b' } },
          { topic: 'OUTPUT', key: 3, value: { NAME: 'c' } },
        ]),
        name: 'count',
      },
      {
        ...filter([{ topic: 'OUTPUT', key: 2, value: { NAME: 'b' }, timestamp: 7 }]),
        name: 'timestamp',
      },
      {
        ...filter([], { post: { sources: [{ name: 'OUTPUT', type: 'table' }] } }),
        name: 'post',
      },
    ]);
    expect(results.map((r) => [r.status, r.failure])).toEqual([
      ['failed', 'wrong rows'],
      ['failed', 'count'],
      ['failed', 'timestamp'],
      ['failed', 'post-condition'],
    ]);
  });

  it('passes a negative case only when its last statement is the one rejected', async () => {
    const results = await run([
      {
        name: 'last',
        statements: [source, 'CREATE STREAM OUTPUT AS SELECT ID, NOPE FROM INPUT;'],
        expectedException: {
          type: 'io.confluent.ksql.util.KsqlStatementException',
          message: 'NOPE',
        },
      },
      {
        name: 'earlier',
        statements: ['CREATE STREAM OUTPUT AS SELECT * FROM MISSING;', source],
        expectedException: { type: 'io.confluent.ksql.util.KsqlStatementException' },
      },
      { ...filter([]), name: 'accepted', expectedException: { message: 'anything' } },
    ]);
    expect(results.map((r) => [r.status, r.failure])).toEqual([
      ['passed', undefined],
      ['failed', 'rejected'],
      ['failed', 'not rejected'],
    ]);
    expect(results[0]?.messageMatched).toBe(true);
  });

  it('drives queries one after another, replaying what earlier queries and INSERT VALUES wrote', async () => {
    const [result] = await run([
      {
        name: 'chain',
        statements: [
          source,
          'CREATE STREAM MIDDLE AS SELECT ID, NAME, AMOUNT * 2 AS AMOUNT FROM INPUT;',
          "INSERT INTO INPUT (ID, NAME, AMOUNT) VALUES (3, 'c', 30);",
          'CREATE STREAM OUTPUT AS SELECT ID, AMOUNT FROM MIDDLE;',
        ],
        inputs,
        outputs: [
          { topic: 'OUTPUT', key: 1, value: { AMOUNT: 20 } },
          { topic: 'OUTPUT', key: 2, value: { AMOUNT: 40 } },
          { topic: 'OUTPUT', key: 3, value: { AMOUNT: 60 } },
        ],
      },
    ]);
    expect(result).toMatchObject({ status: 'passed' });
  });

  it('reads a repartition blacklist as "the plan has no repartition step"', async () => {
    const results = await run([
      {
        name: 'grouped',
        statements: [
          source,
          'CREATE TABLE OUTPUT AS SELECT NAME, COUNT(*) AS N FROM INPUT GROUP BY NAME;',
        ],
        inputs,
        outputs: [],
        post: { topics: { blacklist: '.*-repartition' } },
      },
      { ...filter([]), name: 'stateless', post: { topics: { blacklist: '.*-repartition' } } },
    ]);
    expect(results.map((r) => [r.status, r.failure])).toEqual([
      ['failed', 'post-condition'],
      ['passed', undefined],
    ]);
  });

  it('skips out-of-scope formats with their reason', async () => {
    const [result] = await run([{ ...filter([]), name: 'proto', format: ['PROTOBUF'] }]);
    expect(result).toMatchObject({
      name: 'sample - proto - PROTOBUF',
      status: 'skipped',
      reason: 'format PROTOBUF is out of scope',
    });
  });

  it('reads a sink that pins VALUE_SCHEMA_ID with the writer schema, defaulted fields included', async () => {
    const [result] = await run([
      {
        name: 'pinned',
        statements: [
          source,
          "CREATE STREAM OUT WITH (kafka_topic='out', value_format='AVRO', value_schema_id=7) AS SELECT ID, NAME FROM INPUT;",
        ],
        topics: [
          {
            name: 'out',
            valueFormat: 'AVRO',
            valueSchemaId: 7,
            valueSchema: {
              type: 'record',
              name: 'Out',
              fields: [
                { name: 'NAME', type: ['null', 'string'] },
                { name: 'extra', type: 'string', default: 'foo' },
              ],
            },
          },
        ],
        inputs,
        outputs: [
          { topic: 'out', key: 1, value: { NAME: 'a', extra: 'foo' } },
          { topic: 'out', key: 2, value: { NAME: 'b', extra: 'foo' } },
        ],
      },
    ]);
    expect([result?.status, result?.reason]).toEqual(['passed', '']);
  });
});
