import { compileScript } from '../../../sql';
import type { TopologySpec } from '../../../topology/spec';

/** The query every fault test runs: a tumbling-window count per user, after a repartition. */
export interface WindowedQuery {
  readonly serviceId: string;
  readonly source: string;
  readonly sink: string;
}

export const WINDOW_MS = 1_000;

export function windowedCountSpec(query: WindowedQuery): TopologySpec {
  const script = `CREATE STREAM CLICKS (ID STRING KEY, USER_ID STRING, N BIGINT)
      WITH (kafka_topic='${query.source}', value_format='JSON');
    CREATE TABLE CLICKS_PER_USER WITH (kafka_topic='${query.sink}') AS
      SELECT USER_ID, COUNT(*) AS CNT, SUM(N) AS TOTAL FROM CLICKS
      WINDOW TUMBLING (SIZE ${WINDOW_MS / 1000} SECONDS) GROUP BY USER_ID EMIT CHANGES;`;
  const compiled = compileScript(script, { config: { 'ksql.service.id': query.serviceId } });
  const last = compiled[compiled.length - 1]?.compiled;
  if (last?.kind !== 'PersistentQuery') throw new Error('expected a persistent query');
  return last.query.topology;
}

/** Input event `i`: user, value and timestamp are functions of `i` only. */
export function clickEvent(i: number, users: number): { user: string; n: number; ts: number } {
  return { user: `u${(i * 7) % users}`, n: i % 10, ts: 1_700_000_000_000 + i * 5 };
}

/** What the sink table must hold for events `0..events-1`: `<user>@<windowStart>` -> value. */
export function expectedTable(events: number, users: number): Map<string, string> {
  const acc = new Map<string, { cnt: number; total: number }>();
  for (let i = 0; i < events; i++) {
    const e = clickEvent(i, users);
    const id = `${e.user}@${e.ts - (e.ts % WINDOW_MS)}`;
    const a = acc.get(id) ?? { cnt: 0, total: 0 };
    a.cnt++;
    a.total += e.n;
    acc.set(id, a);
  }
  return new Map([...acc].map(([id, a]) => [id, JSON.stringify({ CNT: a.cnt, TOTAL: a.total })]));
}

/** A windowed KAFKA key: the user's bytes then the window start as an 8-byte big-endian long. */
export function windowedKey(key: Buffer): string {
  const user = key.subarray(0, key.length - 8).toString();
  return `${user}@${key.readBigInt64BE(key.length - 8)}`;
}
