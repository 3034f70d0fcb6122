import { SerdeError, type Row, type Serde, type SerdeRequest, type Window } from './serde-contract';

/**
 * Kafka Streams' windowed key layouts around an inner key serde: time windows (TUMBLING,
 * HOPPING) append the 8-byte big-endian start; session windows append end then start. A time
 * window's end is not on the wire and is rebuilt from the window size.
 */
export function windowedSerde(inner: Serde, request: SerdeRequest): Serde {
  const window = request.window;
  if (!window) return inner;
  const session = window.type === 'SESSION';
  const suffix = session ? 16 : 8;
  const fail = (message: string) => new SerdeError(message, request.topic, request.isKey);
  return {
    async serialize(row: Row | null, w?: Window) {
      if (!w) throw fail('A windowed key needs its window');
      const key = (await inner.serialize(row)) ?? Buffer.alloc(0);
      const tail = Buffer.alloc(suffix);
      if (session) {
        tail.writeBigInt64BE(BigInt(w.end), 0);
        tail.writeBigInt64BE(BigInt(w.start), 8);
      } else {
        tail.writeBigInt64BE(BigInt(w.start), 0);
      }
      return Buffer.concat([key, tail]);
    },
    async deserialize(bytes: Buffer | null) {
      if (bytes === null) return inner.deserialize(null);
      if (bytes.length < suffix)
        throw fail(`Windowed key of ${bytes.length} bytes is shorter than its window`);
      const keyBytes = bytes.subarray(0, bytes.length - suffix);
      const tail = bytes.subarray(bytes.length - suffix);
      const start = Number(tail.readBigInt64BE(session ? 8 : 0));
      const end = session ? Number(tail.readBigInt64BE(0)) : start + (window.sizeMs ?? 0);
      const { row } = await inner.deserialize(keyBytes);
      return { row, window: { start, end } };
    },
  };
}
