import type { Column, SqlType } from '../../topology/spec';
import { parseBigDecimal, sameBigDecimal, sameDecimalValue } from './big-decimal';
import { isExactNumber } from './load-cases';
import type { QttJson, QttRecord } from './qtt-case';

/** A record read back from a sink, decoded with the sink's schema. */
export interface ActualRecord {
  readonly key: readonly unknown[] | null;
  readonly value: readonly unknown[] | null;
  /** The value bytes as text, for formats compared textually (DELIMITED). */
  readonly valueText: string | null;
  readonly timestamp: number;
  readonly window?: { readonly start: number; readonly end: number };
  readonly headers: readonly { readonly key: string; readonly value: Buffer | null }[];
}

/** How a sink's records are shaped, from the catalog. */
export interface SinkShape {
  readonly keyColumns: readonly Column[];
  readonly valueColumns: readonly Column[];
  readonly valueFormat: string;
  /** False when a single value column is written bare. */
  readonly wrapSingleValue: boolean;
  readonly windowType?: 'time' | 'session';
}

export type MismatchClass = 'count' | 'wrong rows' | 'timestamp' | 'window';

export interface Mismatch {
  readonly class: MismatchClass;
  readonly message: string;
}

export interface CompareOptions {
  /** True when the case has no inputs: an expected timestamp of 0 then matches anything. */
  readonly anyTimestampForZero: boolean;
  /**
   * False with `use.exact.numeric.comparison=false`: decimals compare by value, so `1.10`
   * matches `1.1`. Default true (QTT's default).
   */
  readonly exactDecimals?: boolean;
}

/** Compares one topic's records in order, with QTT's rules; null when they match. */
export function compareTopic(
  topic: string,
  expected: readonly QttRecord[],
  actual: readonly ActualRecord[],
  shape: SinkShape,
  options: CompareOptions,
): Mismatch | null {
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
    const mismatch = compareRecord(expected[i]!, actual[i]!, shape, options);
    if (mismatch !== null)
      return { ...mismatch, message: `${topic} record ${i}: ${mismatch.message}` };
  }
  if (expected.length !== actual.length) {
    return {
      class: 'count',
      message: `${topic}: expected ${expected.length} records, got ${actual.length}`,
    };
  }
  return null;
}

export function compareRecord(
  e: QttRecord,
  a: ActualRecord,
  shape: SinkShape,
  options: CompareOptions,
): Mismatch | null {
  const exact = options.exactDecimals !== false;
  const keyProblem = compareKey(e.key, a.key, shape.keyColumns, exact);
  if (keyProblem !== null) return { class: 'wrong rows', message: `key: ${keyProblem}` };
  const valueProblem = compareValueSide(e.value, a, shape, exact);
  if (valueProblem !== null) return { class: 'wrong rows', message: `value: ${valueProblem}` };
  if (
    e.timestamp !== undefined &&
    a.timestamp !== e.timestamp &&
    !(options.anyTimestampForZero && e.timestamp === 0)
  ) {
    return {
      class: 'timestamp',
      message: `timestamp: expected ${e.timestamp}, got ${a.timestamp}`,
    };
  }
  if (e.window !== undefined) {
    if (a.window === undefined) return { class: 'window', message: 'expected a windowed key' };
    if (a.window.start !== e.window.start || a.window.end !== e.window.end) {
      return {
        class: 'window',
        message: `window: expected [${e.window.start}, ${e.window.end}], got [${a.window.start}, ${a.window.end}]`,
      };
    }
  }
  const expectedHeaders = e.headers ?? [];
  if (expectedHeaders.length !== a.headers.length) {
    return {
      class: 'wrong rows',
      message: `headers: expected ${expectedHeaders.length}, got ${a.headers.length}`,
    };
  }
  return null;
}

function compareKey(
  e: QttJson,
  actual: readonly unknown[] | null,
  columns: readonly Column[],
  exact: boolean,
): string | null {
  if (columns.length === 0 || actual === null)
    return e === null ? null : `expected ${show(e)}, got no key`;
  // A single key column is written bare, so `{"F1": "foo"}` is the value of a STRUCT key
  // column, unless its only field is the column itself.
  if (columns.length === 1 && !(isObject(e) && namesColumn(e, columns[0]!.name)))
    return compareValue(e, actual[0], columns[0]!.type, exact);
  return compareColumns(e, actual, columns, exact);
}

function compareValueSide(
  e: QttJson,
  a: ActualRecord,
  shape: SinkShape,
  exact: boolean,
): string | null {
  if (e === null || a.value === null)
    return e === null && a.value === null
      ? null
      : `expected ${show(e)}, got ${a.value === null ? 'a tombstone' : 'a row'}`;
  if (shape.valueFormat === 'DELIMITED' && typeof e === 'string')
    return e === a.valueText ? null : `expected "${e}", got "${a.valueText}"`;
  const bare =
    shape.valueColumns.length === 1 && (shape.valueFormat === 'KAFKA' || !shape.wrapSingleValue);
  if (bare) return compareValue(e, a.value[0], shape.valueColumns[0]!.type, exact);
  return compareColumns(e, a.value, shape.valueColumns, exact);
}

function compareColumns(
  e: QttJson,
  actual: readonly unknown[],
  columns: readonly Column[],
  exact: boolean,
): string | null {
  if (!isObject(e)) return `expected ${show(e)}, got a row of ${columns.length} columns`;
  const names = Object.keys(e);
  if (names.length !== columns.length)
    return `expected ${names.length} columns (${names.join(', ')}), got ${columns.length} (${columns.map((c) => c.name).join(', ')})`;
  for (const name of names) {
    const index =
      columns.findIndex((c) => c.name === name) >= 0
        ? columns.findIndex((c) => c.name === name)
        : columns.findIndex((c) => c.name === name.toUpperCase());
    if (index < 0) return `no column ${name}`;
    const problem = compareValue(e[name]!, actual[index], columns[index]!.type, exact);
    if (problem !== null) return `${name}: ${problem}`;
  }
  return null;
}

/** QTT's typed comparison of an expected JSON value with a run-time value. */
export function compareValue(e: QttJson, a: unknown, type: SqlType, exact = true): string | null {
  if (e === null || a === null || a === undefined)
    return e === null && (a === null || a === undefined)
      ? null
      : `expected ${show(e)}, got ${showActual(a)}`;
  const fail = (): string => `expected ${show(e)}, got ${showActual(a)}`;
  switch (type.kind) {
    case 'BOOLEAN':
      return e === a ? null : fail();
    case 'INTEGER':
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return isExactNumber(e) &&
        /^-?\d+$/.test(e.text) &&
        BigInt(e.text) === BigInt(a as number | bigint)
        ? null
        : fail();
    case 'DOUBLE': {
      const expected = isExactNumber(e) ? Number(e.text) : typeof e === 'string' ? Number(e) : NaN;
      const actual = Number(a);
      if (Number.isNaN(expected) && Number.isNaN(actual)) return null;
      return expected === actual || Math.abs(expected - actual) < 1e-6 ? null : fail();
    }
    case 'DECIMAL': {
      const expected = parseBigDecimal(isExactNumber(e) ? e.text : typeof e === 'string' ? e : '');
      const actual = parseBigDecimal(decimalText(a, type.scale));
      if (expected === undefined || actual === undefined) return fail();
      return (exact ? sameBigDecimal(expected, actual) : sameDecimalValue(expected, actual))
        ? null
        : fail();
    }
    case 'STRING':
      return e === a ? null : fail();
    case 'BYTES':
      return typeof e === 'string' && Buffer.isBuffer(a) && a.toString('base64') === e
        ? null
        : fail();
    case 'ARRAY': {
      if (!Array.isArray(e) || !Array.isArray(a) || e.length !== a.length) return fail();
      for (let i = 0; i < e.length; i++) {
        const problem = compareValue(e[i] as QttJson, a[i], type.element, exact);
        if (problem !== null) return `[${i}] ${problem}`;
      }
      return null;
    }
    case 'MAP': {
      if (!isObject(e) || !(a instanceof Map) || Object.keys(e).length !== a.size) return fail();
      for (const [k, v] of a) {
        const problem = compareValue(e[String(k)] ?? null, v, type.value, exact);
        if (problem !== null) return `[${String(k)}] ${problem}`;
      }
      return null;
    }
    case 'STRUCT': {
      if (!isObject(e) || typeof a !== 'object') return fail();
      const actual = a as Record<string, unknown>;
      return compareColumns(
        e,
        type.fields.map((f) => actual[f.name] ?? null),
        type.fields,
        exact,
      );
    }
  }
}

function decimalText(a: unknown, scale: number): string {
  if (typeof a === 'object' && a !== null && 'toFixed' in a)
    return (a as { toFixed(n: number): string }).toFixed(scale);
  return String(a);
}

function namesColumn(e: { readonly [k: string]: QttJson }, column: string): boolean {
  const names = Object.keys(e);
  return names.length === 1 && (names[0] === column || names[0]!.toUpperCase() === column);
}

function isObject(v: QttJson): v is { readonly [k: string]: QttJson } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isExactNumber(v);
}

function show(v: QttJson): string {
  return JSON.stringify(v, (_k, x: QttJson) => (isExactNumber(x) ? x.text : x));
}

function showActual(a: unknown): string {
  if (typeof a === 'bigint') return a.toString();
  if (a instanceof Map)
    return `MAP(${[...a].map(([k, v]) => `${String(k)}:${showActual(v)}`).join(',')})`;
  if (Buffer.isBuffer(a)) return a.toString('base64');
  if (typeof a === 'object' && a !== null)
    return JSON.stringify(a, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(a);
}
