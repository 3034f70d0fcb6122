import { subTopologies, subTopologyStores, type TopologySpec } from '../../../topology/spec';
import type { TopologyTestDriver } from '../../../topology/driver';
import {
  T,
  col,
  compact,
  driver,
  kv,
  ref,
  sink,
  source,
  spec,
  tableSinkStep,
  tableSourceStep,
} from './spec-fixtures';

/**
 * Foreign-key joins as two halves (KIP-213): the driver runs the left and right sub-topologies
 * and routes the subscription/response topics between them like repartition topics.
 */
const lKey = [col('L_ID', T.bigint)];
const lVal = [col('NAME', T.string), col('FK', T.bigint)];
const rKey = [col('R_ID', T.bigint)];
const rVal = [col('LABEL', T.string)];
const out = [...lVal, ...rVal];
const REGISTRATION = 'app-Join-subscription-registration-topic';
const RESPONSE = 'app-Join-subscription-response-topic';

function fkSpec(joinType: 'INNER' | 'LEFT'): TopologySpec {
  return spec(
    `CTAS_FK_${joinType}`,
    [source('LT', 'left', lKey, lVal, 'TABLE'), source('RT', 'right', rKey, rVal, 'TABLE')],
    sink(lKey, out, 'TABLE'),
    [
      tableSourceStep('Left/Source', 'LT', lKey, lVal, 'Left-Reduce'),
      tableSourceStep('Right/Source', 'RT', rKey, rVal, 'Right-Reduce'),
      {
        kind: 'ForeignKeyTableTableJoin',
        id: 'Join',
        left: 'Left/Source',
        right: 'Right/Source',
        joinType,
        foreignKey: [ref('FK', T.bigint)],
        schema: { key: lKey, value: out },
        stores: [kv('Join-SubscriptionStore'), kv('Join-Materialize')],
        subscription: { registrationTopic: REGISTRATION, responseTopic: RESPONSE },
      },
      tableSinkStep('Join', lKey, out),
    ],
  );
}

const left = (d: TopologyTestDriver, id: number, name: string, fk: number | null, ts: number) =>
  d.pipeRow('left', {
    key: [BigInt(id)],
    value: [name, fk === null ? null : BigInt(fk)],
    timestamp: ts,
  });
const leftDelete = (d: TopologyTestDriver, id: number, ts: number) =>
  d.pipeRow('left', { key: [BigInt(id)], value: null, timestamp: ts });
const right = (d: TopologyTestDriver, id: number, label: string | null, ts: number) =>
  d.pipeRow('right', { key: [BigInt(id)], value: label === null ? null : [label], timestamp: ts });

describe('foreign-key join over subscription topics', () => {
  it('splits into a left and a right sub-topology joined by the two topics', () => {
    const s = fkSpec('INNER');
    const [leftSub, rightSub] = subTopologies(s);
    expect(subTopologies(s)).toHaveLength(2);
    expect(leftSub!.stepIds).toEqual(['Left/Source', 'Join', 'Sink']);
    expect(leftSub!.sourceTopics).toEqual(['left', RESPONSE]);
    expect(rightSub!.stepIds).toEqual(['Right/Source']);
    expect(rightSub!.sourceTopics).toEqual(['right', REGISTRATION]);
    expect(subTopologyStores(s, leftSub!).map((x) => x.name)).toEqual([
      'Left-Reduce',
      'Join-Materialize',
    ]);
    expect(subTopologyStores(s, rightSub!).map((x) => x.name)).toEqual([
      'Right-Reduce',
      'Join-SubscriptionStore',
    ]);
  });

  it('INNER: joins, follows FK changes (unsubscribing the old key), fans right changes out, retracts', async () => {
    const d = await driver(fkSpec('INNER'));
    await left(d, 1, 'a', 10, 1); // no right row yet: nothing
    await right(d, 10, 'ten', 2); // answers the subscriber
    await left(d, 2, 'b', 10, 3); // second subscriber of 10
    await right(d, 10, 'TEN', 4); // fan-out to both, in left-key order
    await left(d, 1, 'a', 20, 5); // FK change to a missing key: retract
    await right(d, 10, 'Ten', 6); // only row 2 still subscribes to 10
    await right(d, 20, 'twenty', 7); // row 1 now matches 20
    await right(d, 20, null, 8); // right delete: retract row 1
    await left(d, 1, 'a2', 20, 9); // still no right row: nothing to retract, no output
    await leftDelete(d, 1, 10); // no result to retract: no output
    await leftDelete(d, 2, 11); // tombstone for row 2
    await right(d, 10, 'gone', 12); // no subscriber left
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: ['a', 10n, 'ten'], ts: 2 },
      { key: 2n, value: ['b', 10n, 'ten'], ts: 3 },
      { key: 1n, value: ['a', 10n, 'TEN'], ts: 4 },
      { key: 2n, value: ['b', 10n, 'TEN'], ts: 4 },
      { key: 1n, value: null, ts: 5 },
      { key: 2n, value: ['b', 10n, 'Ten'], ts: 6 },
      { key: 1n, value: ['a', 20n, 'twenty'], ts: 7 },
      { key: 1n, value: null, ts: 8 },
      { key: 2n, value: null, ts: 11 },
    ]);
    // Every change travelled through the internal topics.
    expect(d.records(REGISTRATION).length).toBeGreaterThan(0);
    expect(d.records(RESPONSE).length).toBeGreaterThan(0);
  });

  it('LEFT: pads missing right rows and NULL foreign keys with NULLs, deletes with tombstones', async () => {
    const d = await driver(fkSpec('LEFT'));
    await left(d, 1, 'a', 10, 1); // no right row: NULL-padded
    await right(d, 10, 'ten', 2);
    await left(d, 2, 'b', null, 3); // NULL foreign key: NULL-padded, no subscription
    await left(d, 2, 'b', 10, 4);
    await right(d, 10, null, 5); // right delete: both padded again
    await left(d, 1, 'a', null, 6); // FK to NULL: unsubscribes from 10
    await right(d, 10, 'back', 7); // only row 2 hears of it
    await leftDelete(d, 1, 8);
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: ['a', 10n, null], ts: 1 },
      { key: 1n, value: ['a', 10n, 'ten'], ts: 2 },
      { key: 2n, value: ['b', null, null], ts: 3 },
      { key: 2n, value: ['b', 10n, 'ten'], ts: 4 },
      { key: 1n, value: ['a', 10n, null], ts: 5 },
      { key: 2n, value: ['b', 10n, null], ts: 5 },
      { key: 1n, value: ['a', null, null], ts: 6 },
      { key: 2n, value: ['b', 10n, 'back'], ts: 7 },
      { key: 1n, value: null, ts: 8 },
    ]);
  });

  it('drops a response whose left row changed since it subscribed', async () => {
    const d = await driver(fkSpec('INNER'));
    await right(d, 10, 'ten', 1);
    await left(d, 1, 'old', 10, 2);
    const stale = d.records(RESPONSE).at(-1)!;
    await left(d, 1, 'new', 10, 3);
    const current = d.records(RESPONSE).at(-1)!;
    // Replayed out of order, as when the answer to the old row arrives late: no output.
    await d.pipeBytes(RESPONSE, { key: stale.key, value: stale.value, timestamp: stale.timestamp });
    // The answer to the current row still resolves (to the same result).
    await d.pipeBytes(RESPONSE, {
      key: current.key,
      value: current.value,
      timestamp: current.timestamp,
    });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: ['old', 10n, 'ten'], ts: 2 },
      { key: 1n, value: ['new', 10n, 'ten'], ts: 3 },
      { key: 1n, value: ['new', 10n, 'ten'], ts: 3 },
    ]);
  });

  it('chains: a second FK join reads the results and old values of the first', async () => {
    // (left JOIN right ON FK) JOIN right2 ON FK: the second join's left side is the first's
    // result, read through its getter; its unsubscribes need the old values the first forwards.
    const r2Key = [col('R2_ID', T.bigint)];
    const r2Val = [col('NOTE', T.string)];
    const out2 = [...out, ...r2Val];
    const s = spec(
      'CTAS_FK_CHAIN',
      [
        source('LT', 'left', lKey, lVal, 'TABLE'),
        source('RT', 'right', rKey, rVal, 'TABLE'),
        source('R2', 'right2', r2Key, r2Val, 'TABLE'),
      ],
      sink(lKey, out2, 'TABLE'),
      [
        ...fkSpec('INNER').steps.slice(0, 3),
        tableSourceStep('Right2/Source', 'R2', r2Key, r2Val, 'Right2-Reduce'),
        {
          kind: 'ForeignKeyTableTableJoin',
          id: 'Join2',
          left: 'Join',
          right: 'Right2/Source',
          joinType: 'INNER',
          foreignKey: [ref('FK', T.bigint)],
          schema: { key: lKey, value: out2 },
          stores: [kv('Join2-SubscriptionStore'), kv('Join2-Materialize')],
          subscription: { registrationTopic: 'app-Join2-reg', responseTopic: 'app-Join2-resp' },
        },
        tableSinkStep('Join2', lKey, out2),
      ],
    );
    expect(subTopologies(s)).toHaveLength(3);
    const d = await driver(s);
    await right(d, 10, 'ten', 1);
    await right(d, 11, 'eleven', 2);
    await d.pipeRow('right2', { key: [10n], value: ['n10'], timestamp: 3 });
    await left(d, 1, 'a', 10, 4);
    await left(d, 1, 'a', 11, 5); // right2 has no 11: retract
    await d.pipeRow('right2', { key: [10n], value: ['n10b'], timestamp: 6 }); // unsubscribed
    await d.pipeRow('right2', { key: [11n], value: ['n11'], timestamp: 7 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: ['a', 10n, 'ten', 'n10'], ts: 4 },
      { key: 1n, value: null, ts: 5 },
      { key: 1n, value: ['a', 11n, 'eleven', 'n11'], ts: 7 },
    ]);
  });

  it.each(['LEFT', 'INNER'] as const)(
    '%s: gives the same output as the co-located join on a random workload',
    async (joinType) => {
      // In process every answer arrives before the next input, so the two-halves join must agree
      // record for record with the co-located join of older specs.
      const split = fkSpec(joinType);
      const coLocated: TopologySpec = {
        ...split,
        steps: split.steps.map((s) =>
          s.kind === 'ForeignKeyTableTableJoin'
            ? { ...s, subscription: undefined, stores: [kv('Join-FK-index')] }
            : s,
        ),
      };
      const [a, b] = [await driver(split), await driver(coLocated)];
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed % n;
      };
      for (let i = 0; i < 600; i++) {
        const [id, roll, key] = [random(40), random(10), random(12)];
        for (const d of [a, b]) {
          if (roll < 6) await left(d, id, `n${i}`, roll === 0 ? null : key, i);
          else if (roll === 6) await leftDelete(d, id, i);
          else await right(d, key, roll === 9 ? null : `r${i}`, i);
        }
      }
      const outputs = compact(await a.readOutput());
      expect(outputs.length).toBeGreaterThan(300);
      // The co-located join also sends tombstones for keys that had no result (the
      // previous record of that key is already a tombstone, or there is none); nothing else differs.
      const last = new Map<unknown, unknown>();
      const meaningful = compact(await b.readOutput()).filter((r) => {
        const { key, value } = r as { key: unknown; value: unknown };
        const previous = last.get(key) ?? null;
        last.set(key, value);
        return value !== null || previous !== null;
      });
      expect(meaningful.length).toBeLessThan(compact(await b.readOutput()).length);
      expect(outputs).toEqual(meaningful);
    },
  );

  it('logs an undecodable subscription record and keeps running', async () => {
    const d = await driver(fkSpec('INNER'));
    await d.pipeBytes(REGISTRATION, { key: Buffer.from('x'), value: Buffer.from('{not json') });
    expect(d.processingLog.map((e) => e.kind)).toEqual(['DESERIALIZATION_ERROR']);
    await right(d, 10, 'ten', 1);
    await left(d, 1, 'a', 10, 2);
    expect(compact(await d.readOutput())).toEqual([{ key: 1n, value: ['a', 10n, 'ten'], ts: 2 }]);
  });
});
