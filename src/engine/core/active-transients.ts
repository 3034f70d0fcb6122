import type { QueryHandle } from '../engine-port';

/** The push queries and PRINTs this engine is serving, by query id, for `/close-query`. */
export class ActiveTransients {
  private readonly handles = new Map<string, QueryHandle>();

  /** Tracks the handle; the returned handle forgets it when closed. */
  track(handle: QueryHandle): QueryHandle {
    const id = handle.kind === 'rows' ? handle.header.queryId : handle.queryId;
    const close = async (): Promise<void> => {
      this.handles.delete(id);
      await handle.close();
    };
    const tracked: QueryHandle = { ...handle, close };
    this.handles.set(id, tracked);
    return tracked;
  }

  async close(id: string): Promise<boolean> {
    const handle = this.handles.get(id);
    if (!handle) return false;
    await handle.close();
    return true;
  }

  async closeAll(): Promise<void> {
    for (const handle of [...this.handles.values()]) await handle.close();
  }
}
