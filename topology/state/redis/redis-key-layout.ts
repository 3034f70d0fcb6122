import type { StoreLocation } from '../bytes-store-backend';

/**
 * Redis keys of one store of one task. All three share the hash tag
 * `{<applicationId>:<store>:<partition>}` (the application id is `_brook-<service>-query_<id>`,
 * so the tag names service, query, store and partition), hence one slot on a Redis Cluster:
 * a flush is one MULTI/EXEC there too.
 *
 * - `<prefix>{tag}:d` hash: store key bytes -> value bytes (point reads).
 * - `<prefix>{tag}:i` sorted set, every score 0: members are the store keys, which Redis orders
 *   by memcmp, i.e. unsigned byte order: range and scan for key-value, window (key + time) and
 *   session (key + end + start) layouts use ZRANGE BYLEX.
 * - `<prefix>{tag}:m` hash: `changelogOffset` (next changelog offset the state reflects) and
 *   `epoch` (writer epoch, for exactly-once fencing).
 */
export interface StoreKeys {
  readonly data: string;
  readonly index: string;
  readonly meta: string;
}

export function storeKeys(prefix: string, location: StoreLocation): StoreKeys {
  const tag = `{${location.applicationId}:${location.store.name}:${location.partition}}`;
  return { data: `${prefix}${tag}:d`, index: `${prefix}${tag}:i`, meta: `${prefix}${tag}:m` };
}

/** Glob over every key of an application (for deleting a query's state). */
export function applicationKeyPattern(prefix: string, applicationId: string): string {
  return `${prefix}{${escapeGlob(applicationId)}:*`;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
