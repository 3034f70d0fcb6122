import { scalar, type FunctionDefinition } from '../function-definition';

const DT = 'DATE / TIME';

export const dateTimeFunctions: readonly FunctionDefinition[] = [
  scalar(
    DT,
    'Milliseconds since the epoch, now or of a TIMESTAMP.',
    'unix_timestamp() => BIGINT',
    'unix_timestamp(TIMESTAMP timestamp) => BIGINT',
  ),
  scalar(
    DT,
    'Days since the epoch, today or of a DATE.',
    'unix_date() => INT',
    'unix_date(DATE date) => INT',
  ),
  scalar(
    DT,
    'The TIMESTAMP of epoch milliseconds.',
    'from_unixtime(BIGINT milliseconds) => TIMESTAMP',
  ),
  scalar(DT, 'The DATE of a number of days since the epoch.', 'from_days(INT days) => DATE'),
  scalar(
    DT,
    'Formats epoch milliseconds with a Java DateTimeFormatter pattern, in UTC or a time zone. ' +
      'Brook also accepts TIMESTAMP and DATE values (a DATE at midnight UTC), so statements written ' +
      'when Connect timestamps were inferred as BIGINT keep working.',
    'timestamptostring(BIGINT epochMilli, STRING formatPattern) => STRING',
    'timestamptostring(BIGINT epochMilli, STRING formatPattern, STRING timeZone) => STRING',
    'timestamptostring(TIMESTAMP timestamp, STRING formatPattern) => STRING',
    'timestamptostring(TIMESTAMP timestamp, STRING formatPattern, STRING timeZone) => STRING',
    'timestamptostring(DATE date, STRING formatPattern) => STRING',
    'timestamptostring(DATE date, STRING formatPattern, STRING timeZone) => STRING',
  ),
  scalar(
    DT,
    'Parses a string with a Java DateTimeFormatter pattern into epoch milliseconds.',
    'stringtotimestamp(STRING formattedTimestamp, STRING formatPattern) => BIGINT',
    'stringtotimestamp(STRING formattedTimestamp, STRING formatPattern, STRING timeZone) => BIGINT',
  ),
  scalar(
    DT,
    'Formats days since the epoch with a Java DateTimeFormatter pattern.',
    'datetostring(INT epochDays, STRING formatPattern) => STRING',
  ),
  scalar(
    DT,
    'Parses a date string into days since the epoch.',
    'stringtodate(STRING formattedDate, STRING formatPattern) => INT',
  ),
  scalar(
    DT,
    'Formats a TIMESTAMP, in UTC or a time zone.',
    'format_timestamp(TIMESTAMP timestamp, STRING formatPattern) => STRING',
    'format_timestamp(TIMESTAMP timestamp, STRING formatPattern, STRING timeZone) => STRING',
  ),
  scalar(
    DT,
    'Parses a string into a TIMESTAMP, in UTC or a time zone.',
    'parse_timestamp(STRING formattedTimestamp, STRING formatPattern) => TIMESTAMP',
    'parse_timestamp(STRING formattedTimestamp, STRING formatPattern, STRING timeZone) => TIMESTAMP',
  ),
  scalar(DT, 'Formats a DATE.', 'format_date(DATE date, STRING formatPattern) => STRING'),
  scalar(
    DT,
    'Parses a string into a DATE.',
    'parse_date(STRING formattedDate, STRING formatPattern) => DATE',
  ),
  scalar(DT, 'Formats a TIME.', 'format_time(TIME time, STRING formatPattern) => STRING'),
  scalar(
    DT,
    'Parses a string into a TIME.',
    'parse_time(STRING formattedTime, STRING formatPattern) => TIME',
  ),
  scalar(
    DT,
    'Moves a TIMESTAMP from one time zone to another.',
    'convert_tz(TIMESTAMP timestamp, STRING fromTimeZone, STRING toTimeZone) => TIMESTAMP',
  ),
  scalar(
    DT,
    'Adds an interval to a DATE.',
    'dateadd(INTERVALUNIT unit, INT interval, DATE date) => DATE',
  ),
  scalar(
    DT,
    'Subtracts an interval from a DATE.',
    'datesub(INTERVALUNIT unit, INT interval, DATE date) => DATE',
  ),
  scalar(
    DT,
    'Adds an interval to a TIME, wrapping around midnight.',
    'timeadd(INTERVALUNIT unit, INT interval, TIME time) => TIME',
  ),
  scalar(
    DT,
    'Subtracts an interval from a TIME, wrapping around midnight.',
    'timesub(INTERVALUNIT unit, INT interval, TIME time) => TIME',
  ),
  scalar(
    DT,
    'Adds an interval to a TIMESTAMP.',
    'timestampadd(INTERVALUNIT unit, BIGINT interval, TIMESTAMP timestamp) => TIMESTAMP',
  ),
  scalar(
    DT,
    'Subtracts an interval from a TIMESTAMP.',
    'timestampsub(INTERVALUNIT unit, BIGINT interval, TIMESTAMP timestamp) => TIMESTAMP',
  ),
];
