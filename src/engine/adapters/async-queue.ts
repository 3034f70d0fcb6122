/** An unbounded async queue: producers push, one consumer iterates until `end`. */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;

  push(item: T): void {
    this.items.push(item);
    this.wake?.();
  }

  end(error?: unknown): void {
    this.ended = true;
    if (error !== undefined) this.failure = error instanceof Error ? error : new Error(JSON.stringify(error));
    this.wake?.();
  }

  get size(): number {
    return this.items.length;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.ended) {
        if (this.failure !== undefined) throw this.failure;
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}
