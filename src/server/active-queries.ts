import type { QueryHandle } from '../engine/engine-port';

/**
 * The queries this server is streaming right now, by id, so `/close-query` (possibly sent on
 * another connection) can end them.
 */
export interface ActiveQueries {
  add(handle: QueryHandle): void;
  remove(queryId: string): void;
  get(queryId: string): QueryHandle | undefined;
  closeAll(): Promise<void>;
}

export function activeQueries(): ActiveQueries {
  const byId = new Map<string, QueryHandle>();
  const idOf = (handle: QueryHandle): string =>
    handle.kind === 'rows' ? handle.header.queryId : handle.queryId;
  return {
    add: (handle) => void byId.set(idOf(handle), handle),
    remove: (queryId) => void byId.delete(queryId),
    get: (queryId) => byId.get(queryId),
    async closeAll() {
      const handles = [...byId.values()];
      byId.clear();
      await Promise.allSettled(handles.map((h) => h.close()));
    },
  };
}
