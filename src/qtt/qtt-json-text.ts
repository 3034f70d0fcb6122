import { isExactNumber } from './load-cases';
import type { QttJson } from './qtt-case';

/** Renders a case's JSON as text, numbers exactly as the file wrote them. */
export function qttJsonText(value: QttJson): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (isExactNumber(value)) return value.text;
  if (Array.isArray(value)) return `[${value.map(qttJsonText).join(',')}]`;
  const fields = Object.entries(value as Readonly<Record<string, QttJson>>);
  return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${qttJsonText(v)}`).join(',')}}`;
}

/** A scalar as plain text (DELIMITED keys and values), a structure as JSON. */
export function qttScalarText(value: QttJson): string {
  if (typeof value === 'string') return value;
  if (isExactNumber(value)) return value.text;
  return qttJsonText(value);
}
