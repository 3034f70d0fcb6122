import { STREAM, TABLE, compileLast, rejection, sinkSchema } from './helpers';

describe('key column rules', () => {
  it('renames the key when it is aliased', () => {
    expect(sinkSchema(`${STREAM}CREATE STREAM O AS SELECT ID AS ID_COPY, NAME FROM S;`)).toBe(
      'ID_COPY INTEGER KEY, NAME STRING',
    );
  });

  it('requires a persistent query to project its key', () => {
    expect(rejection(`${STREAM}CREATE STREAM O AS SELECT NAME FROM S;`).message).toBe(
      'The query used to build `O` must include the key column ID in its projection (eg, SELECT ID...).',
    );
  });

  it('rejects a key projected twice and a projection without value columns', () => {
    expect(
      rejection(`${STREAM}CREATE STREAM O AS SELECT ID, ID AS ID2, NAME FROM S;`).message,
    ).toBe('The projection contains a key column (`ID`) more than once, aliased as: ID and ID2.');
    expect(rejection(`${STREAM}CREATE STREAM O AS SELECT ID FROM S;`).message).toBe(
      'The projection contains no value columns.',
    );
  });

  it('makes a multi-column key from GROUP BY of several expressions', () => {
    expect(
      sinkSchema(
        `${STREAM}CREATE TABLE O AS SELECT NAME, V, COUNT(*) AS N FROM S GROUP BY NAME, V;`,
      ),
    ).toBe('NAME STRING PRIMARY KEY, V BIGINT PRIMARY KEY, N BIGINT');
  });

  it('keys a windowed aggregate by the group key and records the window on the sink', () => {
    const compiled = compileLast(
      `${STREAM}CREATE TABLE O AS SELECT NAME, COUNT(*) AS N FROM S WINDOW TUMBLING (SIZE 30 SECONDS) GROUP BY NAME;`,
    );
    expect(compiled.kind === 'PersistentQuery' && compiled.sink.windowing).toEqual({
      type: 'TUMBLING',
      sizeMs: 30000,
    });
  });

  it('sets the key with PARTITION BY and requires it in the projection', () => {
    expect(sinkSchema(`${STREAM}CREATE STREAM O AS SELECT NAME, V FROM S PARTITION BY NAME;`)).toBe(
      'NAME STRING KEY, V BIGINT',
    );
    expect(
      rejection(`${STREAM}CREATE STREAM O AS SELECT V FROM S PARTITION BY NAME;`).message,
    ).toContain('partitioning expression NAME');
  });

  it('accepts any of the equivalent join expressions as the key', () => {
    expect(
      sinkSchema(
        `${STREAM}${TABLE}CREATE STREAM O AS SELECT T.ID AS K, NAME, TNAME FROM S JOIN T ON S.ID = T.ID;`,
      ),
    ).toBe('K INTEGER KEY, NAME STRING, TNAME STRING');
    expect(
      rejection(
        `${STREAM}${TABLE}CREATE STREAM O AS SELECT NAME, TNAME FROM S JOIN T ON S.ID = T.ID;`,
      ).message,
    ).toBe(
      'The query used to build `O` must include the join expressions S.ID or T.ID in its projection (eg, SELECT S.ID...).',
    );
  });

  it('lets transient queries omit the key', () => {
    const compiled = compileLast(`${STREAM}SELECT NAME FROM S EMIT CHANGES;`);
    expect(compiled.kind === 'TransientQuery' && compiled.columns.map((c) => c.name)).toEqual([
      'NAME',
    ]);
  });

  it('keeps the source key order, or the projection order under the new query planner', () => {
    const ddl =
      "CREATE STREAM I (ID INT KEY, AGE INT KEY, NAME STRING) WITH (kafka_topic='i', format='JSON');\n";
    const sql = `${ddl}CREATE STREAM O AS SELECT AGE, ID, NAME FROM I;`;
    expect(sinkSchema(sql)).toBe('ID INTEGER KEY, AGE INTEGER KEY, NAME STRING');
    const config = { 'ksql.new.query.planner.enabled': 'true' };
    expect(sinkSchema(sql, config)).toBe('AGE INTEGER KEY, ID INTEGER KEY, NAME STRING');
    const compiled = compileLast(sql, config);
    expect(
      compiled.kind === 'PersistentQuery' && compiled.query.topology.steps.map((s) => s.id),
    ).toEqual(['Source', 'Project', 'KeyOrder', 'Sink']);
  });
});
