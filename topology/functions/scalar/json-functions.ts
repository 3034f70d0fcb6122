import type { SqlType } from '../../spec';
import type { ScalarFunction, Value } from '../function-contract';
import Decimal from 'decimal.js';
import { scalarFn, strictFn } from '../support/define';
import {
  isLosslessNumber,
  parseFirstJsonValue,
  parseJsonLossless,
  parseJsonPath,
  stringifyLossless,
  walkJsonPath,
} from '../support/json-path';
import { toJsonText } from '../support/json-text';
import { toDecimal } from '../support/numbers';

const INVALID = undefined;

function extract(json: string, path: string): Value {
  const steps = parseJsonPath(path);
  const root = parseFirstJsonValue(json);
  if (!steps || root === INVALID) return null;
  const node = walkJsonPath(root, steps);
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node;
  if (isLosslessNumber(node)) return node.value;
  return stringifyLossless(node);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isLosslessNumber(v);
}

/** Numbers compare by value (any representation), other scalars by type and value; NULL matches null. */
function arrayContains(json: string, value: Value): boolean {
  const parsed = parseJsonLossless(json);
  if (!Array.isArray(parsed)) return false;
  const numeric =
    typeof value === 'number' || typeof value === 'bigint' || Decimal.isDecimal(value);
  return parsed.some((e: unknown) => {
    if (e === null || value === null || value === undefined) {
      return e === null && (value === null || value === undefined);
    }
    if (isLosslessNumber(e)) return numeric && new Decimal(e.value).equals(toDecimal(value));
    return typeof e === typeof value && e === value;
  });
}

function jsonConcat(args: readonly Value[]): Value {
  if (args.length === 0) return null;
  const parsed: unknown[] = [];
  for (const a of args) {
    if (a === null || a === undefined) return null;
    const p = parseJsonLossless(a as string);
    if (p === INVALID) return null;
    parsed.push(p);
  }
  if (parsed.every(isObject)) return stringifyLossless(Object.assign({}, ...parsed));
  return stringifyLossless(
    parsed.flatMap((p): unknown[] => (Array.isArray(p) ? (p as unknown[]) : [p])),
  );
}

const argType = (ctx: { argTypes: readonly SqlType[] }): SqlType =>
  ctx.argTypes[0] ?? { kind: 'STRING' };

export const jsonImplementations: readonly ScalarFunction[] = [
  strictFn('EXTRACTJSONFIELD', ([json, path]) => extract(json as string, path as string)),
  scalarFn('JSON_ARRAY_CONTAINS', ([json, v]) =>
    json == null ? false : arrayContains(json as string, v),
  ),
  strictFn('JSON_ARRAY_LENGTH', ([json]) => {
    const p = parseJsonLossless(json as string);
    return Array.isArray(p) ? p.length : null;
  }),
  strictFn('JSON_KEYS', ([json]) => {
    const p = parseJsonLossless(json as string);
    return isObject(p) ? Object.keys(p) : null;
  }),
  strictFn('JSON_ITEMS', ([json]) => {
    const p = parseJsonLossless(json as string);
    return Array.isArray(p) ? p.map((e: unknown) => stringifyLossless(e)) : null;
  }),
  strictFn('JSON_RECORDS', ([json]) => {
    const p = parseJsonLossless(json as string);
    return isObject(p)
      ? new Map(Object.entries(p).map(([k, v]) => [k, stringifyLossless(v)]))
      : null;
  }),
  scalarFn('JSON_CONCAT', jsonConcat),
  scalarFn(
    'IS_JSON_STRING',
    ([s]) => typeof s === 'string' && s.trim() !== '' && parseJsonLossless(s) !== INVALID,
  ),
  scalarFn('TO_JSON_STRING', ([v], ctx) => toJsonText(v ?? null, argType(ctx))),
];
