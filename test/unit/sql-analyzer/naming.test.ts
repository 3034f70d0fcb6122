import { STREAM, TABLE, sinkSchema } from './helpers';

describe('output column naming', () => {
  it('numbers unaliased expressions KSQL_COL_0, 1, ... skipping column references', () => {
    expect(
      sinkSchema(`${STREAM}CREATE STREAM O AS SELECT ID, V + 1, NAME, ABS(V), 'x' FROM S;`),
    ).toBe('ID INTEGER KEY, KSQL_COL_0 BIGINT, NAME STRING, KSQL_COL_1 BIGINT, KSQL_COL_2 STRING');
  });

  it('names a struct dereference after its field, keeping quoted case', () => {
    expect(sinkSchema(`${STREAM}CREATE STREAM O AS SELECT ID, ST->X, ST->\`y\` FROM S;`)).toBe(
      'ID INTEGER KEY, X INTEGER, `y` STRING',
    );
  });

  it('upper-cases unquoted aliases and keeps quoted ones', () => {
    expect(
      sinkSchema(`${STREAM}CREATE STREAM O AS SELECT ID, NAME AS nm, V AS \`Mixed\` FROM S;`),
    ).toBe('ID INTEGER KEY, NM STRING, `Mixed` BIGINT');
  });

  it('expands struct->* into the struct fields', () => {
    expect(sinkSchema(`${STREAM}CREATE STREAM O AS SELECT ID, ST->* FROM S;`)).toBe(
      'ID INTEGER KEY, X INTEGER, `y` STRING',
    );
  });

  it('prefixes join columns with the source alias unless the name is unique across sources', () => {
    expect(
      sinkSchema(
        `${STREAM}${TABLE}CREATE STREAM O AS SELECT S.ID, T.ID AS TID, NAME, TNAME FROM S JOIN T ON S.ID = T.ID;`,
      ),
    ).toBe('S_ID INTEGER KEY, TID INTEGER, NAME STRING, TNAME STRING');
  });

  it('prefixes every column of SELECT * in a join and keeps the join key once', () => {
    expect(
      sinkSchema(
        `${STREAM.replace(', A ARRAY<INT>, ST STRUCT<X INT, `y` STRING>', '')}${TABLE}CREATE STREAM O AS SELECT * FROM S JOIN T ON S.ID = T.ID;`,
      ),
    ).toBe(
      'S_ID INTEGER KEY, S_NAME STRING, S_V BIGINT, S_D DECIMAL(4, 2), T_ID INTEGER, T_TNAME STRING, T_TV BIGINT',
    );
  });

  it('names a synthetic PARTITION BY key KSQL_COL_0 and moves old keys to the value', () => {
    expect(
      sinkSchema(`${STREAM}CREATE STREAM O AS SELECT * FROM S PARTITION BY ABS(V);`),
    ).toContain('KSQL_COL_0 BIGINT KEY');
    expect(sinkSchema(`${STREAM}CREATE STREAM O AS SELECT * FROM S PARTITION BY NAME;`)).toBe(
      'NAME STRING KEY, V BIGINT, D DECIMAL(4, 2), A ARRAY<INTEGER>, ST STRUCT<X INTEGER, `y` STRING>, ID INTEGER',
    );
  });
});
