/** One data collection an `execute-snapshot` signal asks for, with its additional conditions. */
export interface SnapshotRequest {
  /** A regex over `schema.table`, as Debezium reads `data-collections`. */
  readonly pattern: string;
  readonly conditions: readonly { readonly collection: string; readonly filter: string }[];
}

/**
 * Parses the `data` of an `execute-snapshot` signal:
 * `{"data-collections": [...], "type": "incremental", "additional-conditions": [{"data-collection": ..., "filter": ...}]}`.
 * Answers the requests, or why the signal cannot be acted on.
 */
export function parseExecuteSnapshot(data: string | null): SnapshotRequest[] | string {
  let parsed: { 'data-collections'?: unknown; type?: unknown; 'additional-conditions'?: unknown };
  try {
    parsed = JSON.parse(data ?? '{}') as typeof parsed;
  } catch {
    return 'the data is not JSON';
  }
  const type = typeof parsed.type === 'string' ? parsed.type.toLowerCase() : 'incremental';
  if (type !== 'incremental') return `snapshot type ${type} is not supported (only incremental)`;
  const collections = parsed['data-collections'];
  if (!Array.isArray(collections) || collections.length === 0)
    return 'data-collections must list at least one table';
  const conditions = (
    Array.isArray(parsed['additional-conditions']) ? parsed['additional-conditions'] : []
  ).flatMap((c: { 'data-collection'?: unknown; filter?: unknown }) =>
    typeof c['data-collection'] === 'string' && typeof c.filter === 'string'
      ? [{ collection: c['data-collection'], filter: c.filter }]
      : [],
  );
  const patterns: unknown[] = [
    ...(collections as unknown[]),
    ...conditions.map((c) => c.collection),
  ];
  for (const pattern of patterns) {
    try {
      new RegExp(String(pattern));
    } catch {
      return `${String(pattern)} is not a valid regular expression`;
    }
  }
  return collections.map((pattern) => ({ pattern: String(pattern), conditions }));
}

/** The tables a `stop-snapshot` signal names (regexes over `schema.table`); empty means all. */
export function stopPatterns(data: string | null): RegExp[] {
  try {
    const parsed = JSON.parse(data ?? '{}') as { 'data-collections'?: unknown };
    const collections = parsed['data-collections'];
    return Array.isArray(collections)
      ? collections.map((c) => new RegExp(`^(?:${String(c)})$`, 'i'))
      : [];
  } catch {
    // Unreadable data stops everything, the safe reading of "stop".
    return [];
  }
}
