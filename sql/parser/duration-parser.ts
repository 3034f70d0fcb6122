import { Duration, type TimeUnit } from '../ast';
import { SqlSyntaxError, SyntaxErrorCodes } from '../errors';
import type { TokenStream } from './token-stream';

const units: Readonly<Record<string, TimeUnit>> = {
  NANOSECOND: 'NANOSECONDS',
  NANOSECONDS: 'NANOSECONDS',
  MICROSECOND: 'MICROSECONDS',
  MICROSECONDS: 'MICROSECONDS',
  MILLISECOND: 'MILLISECONDS',
  MILLISECONDS: 'MILLISECONDS',
  SECOND: 'SECONDS',
  SECONDS: 'SECONDS',
  MINUTE: 'MINUTES',
  MINUTES: 'MINUTES',
  HOUR: 'HOURS',
  HOURS: 'HOURS',
  DAY: 'DAYS',
  DAYS: 'DAYS',
};

/** The unit an unquoted word names, if it names one. */
export function timeUnitOf(upperWord: string): TimeUnit | undefined {
  return units[upperWord];
}

/** `<integer> <unit>`, as in `30 SECONDS`. */
export function parseDuration(ts: TokenStream): Duration {
  const number = ts.peek();
  if (number.type !== 'integer') throw ts.unexpected('a duration such as 30 SECONDS');
  ts.next();
  const value = parseNonNegativeInteger(number.text, number.span);
  const unitToken = ts.peek();
  const unit = unitToken.type === 'word' ? timeUnitOf(unitToken.value) : undefined;
  if (unit === undefined)
    throw ts.unexpected('a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS)');
  ts.next();
  return Duration.create({ value, unit, span: ts.spanFrom(number.span.start) });
}

/** An integer literal used as a count (LIMIT, INTERVAL, ids): must fit a JS safe integer. */
export function parseCount(ts: TokenStream, what: string): number {
  const token = ts.peek();
  if (token.type !== 'integer') throw ts.unexpected(what);
  ts.next();
  return parseNonNegativeInteger(token.text, token.span);
}

function parseNonNegativeInteger(text: string, span: Duration['span']): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new SqlSyntaxError(SyntaxErrorCodes.invalidNumber, `Number out of range: ${text}`, span);
  }
  return value;
}
