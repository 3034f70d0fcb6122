import { DateTime } from 'luxon';
import type { CallContext, ScalarFunction, Value } from '../function-contract';
import { FunctionError } from '../function-contract';
import { scalarFn, strictFn } from '../support/define';
import { formatEpochMillis, parseToEpochMillis } from '../support/java-date-format';
import { parseLenientDate } from '../support/java-lenient-date-parse';
import { toNumber } from '../support/numbers';

const DAY_MS = 86_400_000;

/** Milliseconds per unit of Java's TimeUnit, singular and plural spellings. */
const UNIT_MS: Record<string, number> = {
  NANOSECONDS: 1e-6,
  MICROSECONDS: 1e-3,
  MILLISECONDS: 1,
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: DAY_MS,
};

function unitMillis(fn: string, unit: Value, amount: Value): number {
  const name = String(unit).toUpperCase();
  const ms = UNIT_MS[name] ?? UNIT_MS[`${name}S`];
  if (ms === undefined) throw new FunctionError(fn, `unknown time unit '${String(unit)}'`);
  return Math.trunc(toNumber(amount) * ms);
}

/** Wraps errors of the date library into FunctionErrors (a bad pattern or text is a bad argument). */
function guarded(
  fn: string,
  body: (args: readonly Value[], ctx: CallContext) => Value,
): ScalarFunction {
  return strictFn(fn, (args, ctx) => {
    try {
      return body(args, ctx);
    } catch (cause) {
      if (cause instanceof FunctionError) throw cause;
      throw new FunctionError(fn, cause instanceof Error ? cause.message : String(cause), {
        cause,
      });
    }
  });
}

const now = (ctx: CallContext) => Math.trunc((ctx.wallClock ?? Date.now)());

const zoneArg = (args: readonly Value[], index: number) =>
  args.length > index ? String(args[index]) : 'UTC';
const mod = (a: number, n: number) => ((a % n) + n) % n;

function convertTz(ts: number, from: string, to: string): number {
  const local = DateTime.fromMillis(ts, { zone: 'UTC' });
  const inFrom = DateTime.fromObject(local.toObject(), { zone: from });
  if (!inFrom.isValid) throw new Error(`unknown time zone '${from}'`);
  const inTo = inFrom.setZone(to);
  if (!inTo.isValid) throw new Error(`unknown time zone '${to}'`);
  return DateTime.fromObject(inTo.toObject(), { zone: 'UTC' }).toMillis();
}

export const dateTimeImplementations: readonly ScalarFunction[] = [
  scalarFn('UNIX_TIMESTAMP', (args, ctx) =>
    args.length === 0 ? BigInt(now(ctx)) : args[0] == null ? null : BigInt(toNumber(args[0])),
  ),
  scalarFn('UNIX_DATE', (args, ctx) =>
    args.length === 0 ? Math.floor(now(ctx) / DAY_MS) : (args[0] ?? null),
  ),
  strictFn('FROM_UNIXTIME', ([ms]) => toNumber(ms)),
  strictFn('FROM_DAYS', ([days]) => toNumber(days)),
  guarded('TIMESTAMPTOSTRING', (a, ctx) => {
    const ms = toNumber(a[0]) * (ctx.argTypes[0]?.kind === 'DATE' ? DAY_MS : 1);
    return formatEpochMillis(ms, String(a[1]), zoneArg(a, 2));
  }),
  guarded('STRINGTOTIMESTAMP', (a) =>
    BigInt(parseToEpochMillis(String(a[0]), String(a[1]), zoneArg(a, 2))),
  ),
  guarded('DATETOSTRING', (a) => formatEpochMillis(toNumber(a[0]) * DAY_MS, String(a[1]))),
  guarded('STRINGTODATE', (a) =>
    Math.floor(parseToEpochMillis(String(a[0]), String(a[1])) / DAY_MS),
  ),
  guarded('FORMAT_TIMESTAMP', (a) =>
    formatEpochMillis(toNumber(a[0]), String(a[1]), zoneArg(a, 2)),
  ),
  guarded('PARSE_TIMESTAMP', (a) => parseToEpochMillis(String(a[0]), String(a[1]), zoneArg(a, 2))),
  guarded('FORMAT_DATE', (a) => formatEpochMillis(toNumber(a[0]) * DAY_MS, String(a[1]))),
  guarded('PARSE_DATE', (a) => {
    const [text, pattern] = [String(a[0]), String(a[1])];
    return (
      parseLenientDate(text, pattern) ?? Math.floor(parseToEpochMillis(text, pattern) / DAY_MS)
    );
  }),
  guarded('FORMAT_TIME', (a) => formatEpochMillis(toNumber(a[0]), String(a[1]))),
  guarded('PARSE_TIME', (a) => mod(parseToEpochMillis(String(a[0]), String(a[1])), DAY_MS)),
  guarded('CONVERT_TZ', (a) => convertTz(toNumber(a[0]), String(a[1]), String(a[2]))),
  strictFn(
    'DATEADD',
    ([u, n, d]) => toNumber(d) + Math.trunc(unitMillis('DATEADD', u, n) / DAY_MS),
  ),
  strictFn(
    'DATESUB',
    ([u, n, d]) => toNumber(d) - Math.trunc(unitMillis('DATESUB', u, n) / DAY_MS),
  ),
  strictFn('TIMEADD', ([u, n, t]) => mod(toNumber(t) + unitMillis('TIMEADD', u, n), DAY_MS)),
  strictFn('TIMESUB', ([u, n, t]) => mod(toNumber(t) - unitMillis('TIMESUB', u, n), DAY_MS)),
  strictFn('TIMESTAMPADD', ([u, n, ts]) => toNumber(ts) + unitMillis('TIMESTAMPADD', u, n)),
  strictFn('TIMESTAMPSUB', ([u, n, ts]) => toNumber(ts) - unitMillis('TIMESTAMPSUB', u, n)),
];
