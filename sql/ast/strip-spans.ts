/**
 * A deep copy of an AST value without `span` fields: two parses of equivalent text compare
 * equal after stripping (the printer's round-trip contract, and handy in analyzer tests).
 */
export function stripSpans<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => stripSpans(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'span' || v === undefined) continue;
    out[key] = stripSpans(v);
  }
  return out as T;
}
