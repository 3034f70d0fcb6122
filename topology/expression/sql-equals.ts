import { compareValues } from '../functions';

/** SQL `=`: numbers by value across representations, collections and structs deeply. */
export function sqlEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sqlEquals(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !sqlEquals(v, b.get(k))) return false;
    return true;
  }
  if (isStruct(a) && isStruct(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sqlEquals(a[k], b[k]));
  }
  return compareValues(a, b) === 0;
}

function isStruct(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Buffer.isBuffer(v) &&
    !Array.isArray(v) &&
    !(v instanceof Map) &&
    Object.getPrototypeOf(v) === Object.prototype
  );
}
