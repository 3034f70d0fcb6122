import { stepRepartition, type TopologySpec } from '../../../topology/spec';
import { STREAM, TABLE, compileLast } from './helpers';

function topology(sql: string): TopologySpec {
  const compiled = compileLast(sql);
  if (compiled.kind !== 'PersistentQuery' && compiled.kind !== 'TransientQuery')
    throw new Error(compiled.kind);
  return compiled.query.topology;
}

const repartitions = (spec: TopologySpec) =>
  spec.steps.filter((s) => stepRepartition(s) !== null).map((s) => s.id);

describe('planner', () => {
  it('derives query ids from the statement kind, the sink and the caller counter', () => {
    expect(topology(`${STREAM}CREATE STREAM ORDERS_CLEAN AS SELECT * FROM S;`).queryId).toBe(
      'CSAS_ORDERS_CLEAN_0',
    );
    expect(
      topology(`${STREAM}CREATE TABLE T2 AS SELECT ID, COUNT(*) AS N FROM S GROUP BY ID;`).queryId,
    ).toBe('CTAS_T2_0');
  });

  it('repartitions GROUP BY on a non-key column but not on the key', () => {
    expect(
      repartitions(
        topology(`${STREAM}CREATE TABLE O AS SELECT NAME, COUNT(*) AS N FROM S GROUP BY NAME;`),
      ),
    ).toEqual(['Aggregate/GroupBy']);
    expect(
      repartitions(
        topology(`${STREAM}CREATE TABLE O AS SELECT ID, COUNT(*) AS N FROM S GROUP BY ID;`),
      ),
    ).toEqual([]);
  });

  it('repartitions the stream side of a join on a non-key column', () => {
    const spec = topology(
      `${STREAM}${TABLE}CREATE STREAM O AS SELECT S.V, NAME, TNAME FROM S JOIN T ON S.V = T.ID;`,
    );
    expect(repartitions(spec)).toEqual(['Join/0/LeftRekey']);
    expect(spec.steps.map((s) => s.kind)).toContain('StreamTableJoin');
  });

  it('names internal topics and stores from the application id and plan path', () => {
    const spec = topology(
      `${STREAM}CREATE TABLE O AS SELECT NAME, COUNT(*) AS N FROM S GROUP BY NAME;`,
    );
    expect(spec.applicationId).toBe('_brook-default-query_CTAS_O_0');
    expect(spec.internalTopics.map((t) => t.name)).toEqual([
      '_brook-default-query_CTAS_O_0-Aggregate-GroupBy-repartition',
      '_brook-default-query_CTAS_O_0-Aggregate-Aggregate-Materialize-changelog',
    ]);
  });

  it('plans EMIT FINAL as a suppression after the windowed aggregate', () => {
    const spec = topology(
      `${STREAM}CREATE TABLE O AS SELECT NAME, COUNT(*) AS N FROM S WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS) GROUP BY NAME EMIT FINAL;`,
    );
    expect(spec.steps.map((s) => s.kind)).toEqual([
      'StreamSource',
      'StreamGroupBy',
      'StreamWindowedAggregate',
      'TableSelect',
      'TableSuppress',
      'TableSink',
    ]);
  });

  it('plans EXPLODE as a flat-map step', () => {
    const spec = topology(`${STREAM}CREATE STREAM O AS SELECT ID, EXPLODE(A) AS X FROM S;`);
    expect(spec.steps.map((s) => s.kind)).toEqual([
      'StreamSource',
      'StreamFlatMap',
      'StreamSelect',
      'StreamSink',
    ]);
  });

  it('is deterministic: the same statement plans to the same JSON', () => {
    const sql = `${STREAM}${TABLE}CREATE STREAM O AS SELECT S.V, NAME, TNAME FROM S JOIN T ON S.V = T.ID;`;
    expect(JSON.stringify(topology(sql))).toBe(JSON.stringify(topology(sql)));
  });
});
