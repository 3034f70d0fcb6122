import { assertNever } from '../../errors';
import { quoteIdent } from '../dialect/identifiers';
import { formatPgTimestamp, type PreciseTimestamp } from '../dialect/pg-temporal';

export type LoadMode = 'bulk' | 'incrementing' | 'timestamp' | 'timestamp+incrementing';

/** Where a table querier stands: the last timestamp and/or incrementing value it emitted. */
export interface QuerierOffset {
  readonly timestamp: PreciseTimestamp | null;
  readonly incrementing: bigint | null;
}

export interface CriteriaColumns {
  readonly timestampColumns: readonly string[];
  readonly incrementingColumn: string | null;
  /** The SQL type to cast timestamp parameters to (timestamp or timestamptz). */
  readonly timestampCast: 'timestamp' | 'timestamptz';
}

export interface BuiltQuery {
  readonly text: string;
  readonly params: readonly unknown[];
}

export function timestampExpr(columns: readonly string[]): string {
  const quoted = columns.map(quoteIdent);
  return quoted.length === 1 ? quoted[0]! : `COALESCE(${quoted.join(', ')})`;
}

/**
 * The incremental query, as Confluent's TimestampIncrementingCriteria builds it:
 * incrementing `inc > ?`; timestamp `ts > ? AND ts < end`; both
 * `ts < end AND ((ts = ? AND inc > ?) OR ts > ?)`; `end` = database now minus the delay.
 */
export function incrementalQuery(
  base: string,
  mode: LoadMode,
  cols: CriteriaColumns,
  offset: QuerierOffset,
  end: PreciseTimestamp,
  limit: number | null,
  suffix: string,
): BuiltQuery {
  const cast = `::${cols.timestampCast}`;
  const ts = timestampExpr(cols.timestampColumns);
  const inc = cols.incrementingColumn === null ? '' : quoteIdent(cols.incrementingColumn);
  const tsParam = (t: PreciseTimestamp | null) => formatPgTimestamp(t ?? { ms: 0, nanos: 0 });
  const endText = formatPgTimestamp(end);
  const lim = limit === null ? '' : ` LIMIT ${limit}`;
  const tail = suffix === '' ? '' : ` ${suffix}`;
  switch (mode) {
    case 'bulk':
      return { text: `${base}${tail}`, params: [] };
    case 'incrementing':
      return {
        text: `${base} WHERE ${inc} > $1 ORDER BY ${inc} ASC${lim}${tail}`,
        params: [(offset.incrementing ?? -1n).toString()],
      };
    case 'timestamp':
      return {
        text: `${base} WHERE ${ts} > $1${cast} AND ${ts} < $2${cast} ORDER BY ${ts} ASC${lim}${tail}`,
        params: [tsParam(offset.timestamp), endText],
      };
    case 'timestamp+incrementing':
      return {
        text: `${base} WHERE ${ts} < $1${cast} AND ((${ts} = $2${cast} AND ${inc} > $3) OR ${ts} > $2${cast}) ORDER BY ${ts} ASC, ${inc} ASC${lim}${tail}`,
        params: [endText, tsParam(offset.timestamp), (offset.incrementing ?? -1n).toString()],
      };
    default:
      return assertNever(mode);
  }
}
