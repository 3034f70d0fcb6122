/**
 * Kafka rejects a produce request above the broker's `message.max.bytes` (1 MB by default) with
 * MESSAGE_TOO_LARGE, and kafkajs puts everything one `sendBatch` holds for a broker into one
 * request. Sends are therefore cut into chunks whose estimated encoded size stays under a budget.
 */
export const PRODUCE_REQUEST_BUDGET_BYTES = 900 * 1024;

/** Record-batch framing per record (length, attributes, varint deltas) plus header framing, rounded up. */
const RECORD_OVERHEAD_BYTES = 32;

export interface SizedMessage {
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string>>;
}

export function estimatedBytes(m: SizedMessage): number {
  let size = RECORD_OVERHEAD_BYTES + (m.key?.length ?? 0) + (m.value?.length ?? 0);
  for (const [k, v] of Object.entries(m.headers ?? {}))
    size += 8 + Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : v.length);
  return size;
}

/**
 * Splits `messages`, in order, into consecutive chunks of at most `budget` estimated bytes. A
 * message larger than the budget travels alone (the broker then decides).
 */
export function produceChunks<T extends SizedMessage>(
  messages: readonly T[],
  budget = PRODUCE_REQUEST_BUDGET_BYTES,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = estimatedBytes(m);
    if (current.length > 0 && bytes + size > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
