import Decimal from 'decimal.js';
import { IntervalUnitArg, resolveCall } from '../../../sql/functions';
import { scalarFunction } from '../../../topology/functions';
import { SqlTypes as T } from '../../../topology/spec';
import { call } from './call';

const d = T.double;
const i = T.integer;
const s = T.string;

describe('math functions (QTT math.json)', () => {
  it('ROUND rounds half up towards positive infinity, to places or tens', () => {
    expect(call('ROUND', [-1.5], [d])).toBe(-1n);
    expect(call('ROUND', [1.5], [d])).toBe(2n);
    expect(call('ROUND', [-1.5, 0], [d, i])).toBe(-1);
    expect(call('ROUND', [12345.678, 2], [d, i])).toBe(12345.68);
    expect(call('ROUND', [-12345.678, -1], [d, i])).toBe(-12350);
    expect(call('ROUND', [null, 2], [d, i])).toBeNull();
  });

  it('ROUND and TRUNC of DECIMAL keep or drop the scale', () => {
    const dec = T.decimal(33, 16);
    const v = new Decimal('12345678987654321.2345678987654321');
    expect(String(call('ROUND', [v], [dec]))).toBe('12345678987654321');
    expect((call('ROUND', [v, 10], [dec, i]) as Decimal).toFixed(16)).toBe(
      '12345678987654321.2345678988000000',
    );
    expect((call('ROUND', [v, -2], [dec, i]) as Decimal).toFixed(16)).toBe(
      '12345678987654300.0000000000000000',
    );
    expect(String(call('TRUNC', [new Decimal('-12345.678'), 1], [T.decimal(12, 7), i]))).toBe(
      '-12345.6',
    );
  });

  it('ROUND to tens of a 38-digit DECIMAL keeps every digit', () => {
    const v = new Decimal('12345678901234567890123456789012345678');
    expect((call('ROUND', [v, -2], [T.decimal(38, 0), i]) as Decimal).toFixed()).toBe(
      '12345678901234567890123456789012345700',
    );
  });

  it('FLOOR and CEIL of DECIMAL keep the type; the value is integral', () => {
    const b = T.decimal(2, 1);
    expect((call('FLOOR', [new Decimal('-1.1')], [b]) as Decimal).toFixed(1)).toBe('-2.0');
    expect((call('CEIL', [new Decimal('1.1')], [b]) as Decimal).toFixed(1)).toBe('2.0');
  });

  it('TRUNC, FLOOR, CEIL and SIGN follow the argument type', () => {
    expect(call('TRUNC', [-1.7], [d])).toBe(-1n);
    expect(call('TRUNC', [12345.678, -2], [d, i])).toBe(12300);
    expect(call('FLOOR', [-1.1], [d])).toBe(-2);
    expect(String(call('CEIL', [new Decimal('1.1')], [T.decimal(2, 1)]))).toBe('2');
    expect(call('SIGN', [-3n], [T.bigint])).toBe(-1);
    expect(call('ABS', [-2n], [T.bigint])).toBe(2n);
  });

  it('LN, SQRT and LOG give NaN and -Infinity where Java does', () => {
    expect(call('LN', [0], [i])).toBe(-Infinity);
    expect(call('SQRT', [-1], [i])).toBeNaN();
    expect(call('LOG', [13], [i])).toBeCloseTo(2.5649493574615367, 12);
    expect(call('LOG', [0], [i])).toBe(-Infinity);
    expect(call('LOG', [15, 13], [i, i])).toBeCloseTo(0.9471572411831843, 12);
    expect(call('LOG', [1, 13], [i, i])).toBeNaN();
    expect(call('LOG', [15, 0], [i, i])).toBe(-Infinity);
    expect(call('POWER', [15, -1], [i, i])).toBeCloseTo(0.06666666666666667, 15);
  });

  it('GEO_DISTANCE uses the haversine formula in KM or MI, KM for a NULL unit', () => {
    expect(
      call('GEO_DISTANCE', [37.4439, -122.1663, 51.5257, -0.1122, null], [d, d, d, d, s]),
    ).toBeCloseTo(8634.659796579544, 6);
    expect(
      call('GEO_DISTANCE', [37.4439, -122.1663, 51.5257, -0.1122, 'MI'], [d, d, d, d, s]),
    ).toBeCloseTo(5365.659729188262, 6);
  });

  it('GREATEST and LEAST ignore NULLs and widen to a common type', () => {
    expect(call('GREATEST', [1, null, 3.5], [i, T.integer, d])).toBe(3.5);
    expect(call('LEAST', ['b', 'a'], [s, s])).toBe('a');
    expect(call('GREATEST', [7, 3n], [i, T.bigint])).toBe(7n);
    expect(call('COALESCE', [null, 5], [T.bigint, i])).toBe(5n);
  });
});

describe('date and time functions (QTT format-date, parse-date, dateadd, timeadd)', () => {
  it('FORMAT_DATE and PARSE_DATE use Java patterns, quoted literals and case-insensitive months', () => {
    expect(call('FORMAT_DATE', [17662, 'yyyy-MM-dd'], [T.date, s])).toBe('2018-05-11');
    expect(call('FORMAT_DATE', [18993, 'dd-MMM-yyyy'], [T.date, s])).toBe('01-Jan-2022');
    expect(call('FORMAT_DATE', [-1, "dd-MM-yyyy'Sophia'"], [T.date, s])).toBe('31-12-1969Sophia');
    expect(call('PARSE_DATE', ['2018-05-11Lit', "yyyy-MM-dd'Lit'"], [s, s])).toBe(17662);
    expect(call('PARSE_DATE', ['01-JAN-2022', 'dd-MMM-yyyy'], [s, s])).toBe(18993);
    expect(call('PARSE_DATE', ['JAN-2022', 'MMM-yyyy'], [s, s])).toBe(18993);
  });

  it('formats and parses timestamps with zones, X printing Z for UTC', () => {
    const ts = 1614852672345;
    expect(call('FORMAT_TIMESTAMP', [ts, "yyyy-MM-dd'T'HH:mm:ss.SSSX"], [T.timestamp, s])).toBe(
      '2021-03-04T10:11:12.345Z',
    );
    expect(
      call(
        'TIMESTAMPTOSTRING',
        [BigInt(ts), 'yyyy-MM-dd HH:mm:ss Z', 'America/Los_Angeles'],
        [T.bigint, s, s],
      ),
    ).toBe('2021-03-04 02:11:12 -0800');
    expect(
      call('PARSE_TIMESTAMP', ['2021-03-04T10:11:12.345Z', "yyyy-MM-dd'T'HH:mm:ss.SSSX"], [s, s]),
    ).toBe(ts);
    expect(
      call(
        'STRINGTOTIMESTAMP',
        ['2021-03-04 11:11:12.345', 'yyyy-MM-dd HH:mm:ss.SSS', 'Europe/Paris'],
        [s, s, s],
      ),
    ).toBe(BigInt(ts));
    expect(call('PARSE_TIME', ['10:11:12', 'HH:mm:ss'], [s, s])).toBe(36672000);
  });

  it('TIMESTAMPTOSTRING also formats TIMESTAMP and DATE values (seed 003 over Connect schemas)', () => {
    expect(
      call(
        'TIMESTAMPTOSTRING',
        [1618269963655, 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC'],
        [T.timestamp, s, s],
      ),
    ).toBe('2021-04-12 23:26:03.655');
    expect(call('TIMESTAMPTOSTRING', [7436, 'yyyy-MM-dd', 'UTC'], [T.date, s, s])).toBe(
      '1990-05-12',
    );
  });

  it('PARSE_DATE matches a leading part of the text, as Java SimpleDateFormat does', () => {
    expect(call('PARSE_DATE', ['2003-12-24-01-01', 'yyyy-MM-dd'], [s, s])).toBe(12410);
    expect(call('PARSE_DATE', ['2004-01-01', 'yyyy-MM-dd'], [s, s])).toBe(12418);
    expect(() => call('PARSE_DATE', ['2004', 'yyyy-MM-dd'], [s, s])).toThrow('PARSE_DATE');
    expect(call('PARSE_DATE', ['JAN-2022', 'MMM-yyyy'], [s, s])).toBe(18993);
  });

  it('PARSE_DATE reads numbers of any width, rolls over out-of-range fields and skips times', () => {
    expect(call('PARSE_DATE', ['2019-1-5', 'yyyy-MM-dd'], [s, s])).toBe(17901);
    expect(call('PARSE_DATE', ['2020055', 'yyyyMMdd'], [s, s])).toBe(18387);
    expect(call('PARSE_DATE', ['2019-02-30', 'yyyy-MM-dd'], [s, s])).toBe(17957);
    expect(call('PARSE_DATE', ['2019-13-01', 'yyyy-MM-dd'], [s, s])).toBe(18262);
    expect(call('PARSE_DATE', ['Tue, 5 May 2020', 'EEE, d MMM yyyy'], [s, s])).toBe(18387);
    expect(call('PARSE_DATE', ['2020-05-05T10:11', "yyyy-MM-dd'T'HH:mm"], [s, s])).toBe(18387);
    expect(() => call('PARSE_DATE', ['2020-01-01', 'yyyy-MM-ddHH'], [s, s])).toThrow('PARSE_DATE');
    expect(() => call('STRINGTODATE', ['2003-12-24-01', 'yyyy-MM-dd'], [s, s])).toThrow(
      'STRINGTODATE',
    );
  });

  it('an unparsable date is a FunctionError (the runtime logs it and uses NULL)', () => {
    expect(() => call('STRINGTODATE', ['foo', 'yyyyMMdd'], [s, s])).toThrow('STRINGTODATE');
  });

  it('DATEADD, TIMEADD and TIMESTAMPADD add units; TIME wraps around midnight', () => {
    expect(call('DATEADD', ['DAYS', 10, 10], [IntervalUnitArg, i, T.date])).toBe(20);
    expect(call('DATEADD', ['DAYS', -5, 2], [IntervalUnitArg, i, T.date])).toBe(-3);
    expect(call('TIMEADD', ['MILLISECONDS', 10, 86399995], [IntervalUnitArg, i, T.time])).toBe(5);
    expect(call('TIMEADD', ['MILLISECONDS', -5, 2], [IntervalUnitArg, i, T.time])).toBe(86399997);
    expect(call('TIMESTAMPADD', ['MILLISECONDS', -5, 2], [IntervalUnitArg, i, T.timestamp])).toBe(
      -3,
    );
    expect(call('DATEADD', ['MILLISECONDS', null, 5], [IntervalUnitArg, i, T.date])).toBeNull();
  });

  it('UNIX_DATE, FROM_DAYS and CONVERT_TZ', () => {
    expect(call('UNIX_DATE', [], [])).toBeGreaterThan(100);
    expect(call('FROM_DAYS', [-10], [i])).toBe(-10);
    expect(call('CONVERT_TZ', [0, 'UTC', 'Asia/Kolkata'], [T.timestamp, s, s])).toBe(19_800_000);
  });

  it('UNIX_TIMESTAMP(), UNIX_DATE() and RANDOM() read the clock and randomness of the context', () => {
    const ctx = (name: string) => {
      const resolved = resolveCall(name, []);
      return {
        argTypes: resolved.argTypes,
        returnType: resolved.returnType,
        config: {},
        wallClock: () => 1_000 * DAY_MS + 5,
        random: () => 0.25,
      };
    };
    expect(scalarFunction('UNIX_TIMESTAMP')!.call([], ctx('UNIX_TIMESTAMP'))).toBe(86_400_000_005n);
    expect(scalarFunction('UNIX_DATE')!.call([], ctx('UNIX_DATE'))).toBe(1_000);
    expect(scalarFunction('RANDOM')!.call([], ctx('RANDOM'))).toBe(0.25);
  });

  it('without a clock in the context, UNIX_TIMESTAMP() is the system time', () => {
    const before = BigInt(Date.now());
    const now = call('UNIX_TIMESTAMP', [], []) as bigint;
    expect(now >= before && now <= BigInt(Date.now())).toBe(true);
  });
});

const DAY_MS = 86_400_000;
