import type { StoreLocation } from '../bytes-store-backend';

/**
 * Redis keys of one store of one task. Every store of a partition shares the hash tag
 * `{<applicationId>:<partition>}` (the application id is `_brook-<service>-query_<id>`, so the
 * tag names service, query and partition): on a Redis Cluster they live in one slot, so a task's
 * flush of all its stores is one script there too.
 *
 * - `<prefix>{tag}:<store>:d` hash: store key bytes -> value bytes (point reads).
 * - `<prefix>{tag}:<store>:i` sorted set, every score 0: members are the store keys, which Redis
 *   orders by memcmp, i.e. unsigned byte order: range and scan for key-value, window (key +
 *   time) and session (key + end + start) layouts use ZRANGE BYLEX.
 * - `<prefix>{tag}:<store>:m` hash: `changelogOffset` (next changelog offset the state reflects)
 *   and `epoch` (writer epoch, for exactly-once fencing).
 */
export interface StoreKeys {
  readonly data: string;
  readonly index: string;
  readonly meta: string;
}

export function storeKeys(prefix: string, location: StoreLocation): StoreKeys {
  const base = `${prefix}{${location.applicationId}:${location.partition}}:${location.store.name}`;
  return { data: `${base}:d`, index: `${base}:i`, meta: `${base}:m` };
}

/** Glob over every key of an application (for deleting a query's state). */
export function applicationKeyPattern(prefix: string, applicationId: string): string {
  return `${escapeGlob(prefix)}{${escapeGlob(applicationId)}:*`;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
