import {
  compareTimestamps,
  formatPgTimestamp,
  parsePgDate,
  parsePgTimestamp,
} from '../../../connectors/jdbc/dialect/pg-temporal';
import { incrementalQuery } from '../../../connectors/jdbc/source/offset-criteria';
import { decodeOffset, encodeOffset } from '../../../connectors/jdbc/source/table-querier';
import { groupPartitions } from '../../../connectors/jdbc/source/table-discovery';
import { parseJdbcUrl, parseTableId, quoteTable, tableIdText } from '../../../connectors';

describe('JDBC dialect pieces', () => {
  it('translates jdbc:postgresql URLs, with connection.user and connection.password winning', () => {
    expect(parseJdbcUrl('jdbc:postgresql://db.local:6543/shop?user=u&password=p')).toEqual({
      host: 'db.local',
      port: 6543,
      database: 'shop',
      user: 'u',
      password: 'p',
    });
    expect(parseJdbcUrl('jdbc:postgresql://127.0.0.1/postgres', 'postgres', 'SUA-SENHA')).toEqual({
      host: '127.0.0.1',
      port: 5432,
      database: 'postgres',
      user: 'postgres',
      password: 'SUA-SENHA',
    });
    expect(() => parseJdbcUrl('jdbc:mysql://x/y')).toThrow(
      'only jdbc:postgresql:// URLs are supported',
    );
  });

  it('quotes identifiers and parses qualified names with quoted parts', () => {
    expect(quoteTable(parseTableId('public.customers'))).toBe('"public"."customers"');
    expect(parseTableId('"my.schema"."Order ""Lines"""')).toEqual({
      schema: 'my.schema',
      table: 'Order "Lines"',
    });
    expect(tableIdText({ schema: 'my.schema', table: 'x' })).toBe('"my.schema".x');
    expect(parseTableId('customers')).toEqual({ schema: null, table: 'customers' });
  });

  it('keeps microseconds of Postgres timestamps for offsets', () => {
    const t = parsePgTimestamp('2021-04-12 23:26:03.655123');
    expect(t).toEqual({ ms: Date.UTC(2021, 3, 12, 23, 26, 3, 655), nanos: 655123000 });
    expect(formatPgTimestamp(t)).toBe('2021-04-12 23:26:03.655123');
    expect(parsePgTimestamp('2021-04-12 23:26:03+02').ms).toBe(Date.UTC(2021, 3, 12, 21, 26, 3));
    expect(
      compareTimestamps(
        parsePgTimestamp('2021-01-01 00:00:00.000001'),
        parsePgTimestamp('2021-01-01 00:00:00.000002'),
      ),
    ).toBeLessThan(0);
    expect(parsePgDate('1970-01-02')).toBe(1);
    expect(parsePgDate('1969-12-31')).toBe(-1);
  });

  it("stores offsets in Confluent's layout and reads them back", () => {
    const offset = { timestamp: { ms: 1618269963655, nanos: 655123000 }, incrementing: 42n };
    const stored = encodeOffset('timestamp+incrementing', offset);
    expect(stored).toEqual({
      incrementing: 42,
      timestamp: 1618269963655,
      timestamp_nanos: 655123000,
    });
    expect(decodeOffset(stored, null)).toEqual(offset);
    expect(decodeOffset(null, 5)).toEqual({
      timestamp: { ms: 5, nanos: 5_000_000 },
      incrementing: null,
    });
  });

  it('builds the timestamp+incrementing criteria with the delay bound', () => {
    const q = incrementalQuery(
      'SELECT * FROM "s"."t"',
      'timestamp+incrementing',
      { timestampColumns: ['a', 'b'], incrementingColumn: 'id', timestampCast: 'timestamp' },
      { timestamp: null, incrementing: null },
      { ms: 1000, nanos: 0 },
      10,
      '',
    );
    expect(q.text).toBe(
      'SELECT * FROM "s"."t" WHERE COALESCE("a", "b") < $1::timestamp AND ((COALESCE("a", "b") = $2::timestamp AND "id" > $3) OR COALESCE("a", "b") > $2::timestamp) ORDER BY COALESCE("a", "b") ASC, "id" ASC LIMIT 10',
    );
    expect(q.params).toEqual(['1970-01-01 00:00:01.000000', '1970-01-01 00:00:00.000000', '-1']);
  });

  it('spreads tables over at most tasks.max contiguous groups', () => {
    expect(groupPartitions(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(groupPartitions(['a'], 3)).toEqual([['a']]);
  });
});
