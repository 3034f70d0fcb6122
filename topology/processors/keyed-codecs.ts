import type { Column } from '../spec';
import type { Row, Window } from '../serdes/serde-contract';
import { decodeRowJson, encodeRowJson, rowCodec, type Codec } from '../state';

/** A table key: the key row plus, for windowed tables, its window. */
export interface TableKey {
  readonly key: Row;
  readonly window: Window | null;
}

interface WindowedJson {
  readonly k: Parameters<typeof decodeRowJson>[1];
  readonly s: number;
  readonly e: number;
}

/**
 * Store key codec for table keys. Unwindowed keys encode exactly like `rowCodec` (a JSON array);
 * windowed keys as a JSON object, so the two never collide.
 */
export function tableKeyCodec(columns: readonly Column[]): Codec<TableKey> {
  const plain = rowCodec(columns);
  return {
    encode: ({ key, window }) =>
      window
        ? Buffer.from(
            JSON.stringify({ k: encodeRowJson(columns, key), s: window.start, e: window.end }),
          )
        : plain.encode(key),
    decode: (bytes) => {
      if (bytes[0] !== 0x7b) return { key: plain.decode(bytes), window: null };
      const json = JSON.parse(bytes.toString('utf8')) as WindowedJson;
      return { key: decodeRowJson(columns, json.k), window: { start: json.s, end: json.e } };
    },
  };
}
