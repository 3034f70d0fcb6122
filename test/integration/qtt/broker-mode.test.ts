import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokerMode, runCases, type BrokerMode } from '../../../src/qtt';
import { services, uniqueName } from '../../support/services';

const source =
  "CREATE STREAM INPUT (ID INT KEY, NAME STRING, AMOUNT BIGINT) WITH (kafka_topic='input_topic', value_format='JSON');";
const inputs = [
  { topic: 'input_topic', key: 1, value: { NAME: 'a', AMOUNT: 10 }, timestamp: 5 },
  { topic: 'input_topic', key: 2, value: { NAME: 'b', AMOUNT: 20 }, timestamp: 6 },
  { topic: 'input_topic', key: 2, value: { NAME: 'b', AMOUNT: 5 }, timestamp: 7 },
];

describe('brook qtt --mode broker', () => {
  let broker: BrokerMode;

  beforeAll(() => {
    broker = brokerMode({
      brokers: services.kafkaBrokers,
      registryUrl: services.registryUrl,
      runId: uniqueName('it'),
    });
  });

  afterAll(async () => {
    await broker.close();
  });

  it('runs cases on the real broker, isolated per case, and scores them as driver mode does', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'brook-qtt-')), 'broker.json');
    const tests = [
      {
        name: 'aggregate',
        statements: [
          source,
          'CREATE TABLE OUTPUT AS SELECT ID, SUM(AMOUNT) AS TOTAL FROM INPUT GROUP BY ID;',
        ],
        inputs,
        outputs: [
          { topic: 'OUTPUT', key: 1, value: { TOTAL: 10 }, timestamp: 5 },
          { topic: 'OUTPUT', key: 2, value: { TOTAL: 20 }, timestamp: 6 },
          { topic: 'OUTPUT', key: 2, value: { TOTAL: 25 }, timestamp: 7 },
        ],
        post: { sources: [{ name: 'OUTPUT', type: 'table', schema: 'ID INT KEY, TOTAL BIGINT' }] },
      },
      // The same topic names again: a second case must not see the first one's records.
      {
        name: 'wrong',
        statements: [
          source,
          'CREATE STREAM OUTPUT AS SELECT ID, NAME FROM INPUT WHERE AMOUNT > 15;',
        ],
        inputs,
        outputs: [{ topic: 'OUTPUT', key: 2, value: { NAME: 'x' } }],
      },
      {
        name: 'negative',
        statements: [source, 'CREATE STREAM OUTPUT AS SELECT NOPE FROM INPUT;'],
        expectedException: { message: 'NOPE' },
      },
    ];
    writeFileSync(file, JSON.stringify({ tests }));
    const { results } = await runCases([file], { mode: 'broker', brokerRunner: broker.runner });
    expect(results.map((r) => [r.name, r.status, r.failure])).toEqual([
      ['broker - aggregate', 'passed', undefined],
      ['broker - wrong', 'failed', 'wrong rows'],
      ['broker - negative', 'passed', undefined],
    ]);
  });
});
