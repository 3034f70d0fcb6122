import type { Row } from '../serdes/serde-contract';
import type { TableValueGetter } from './processor';
import type { StreamRecord } from './stream-record';

/** A getter that reads the parent table and maps the row (null drops it), keeping its timestamp. */
export function derivedGetter(
  parent: TableValueGetter,
  map: (key: Row, row: Row, timestamp: number) => Row | null,
): TableValueGetter {
  return {
    get: async (key) => {
      const current = await parent.get(key);
      if (!current) return null;
      const value = map(key, current.value, current.timestamp);
      return value === null ? null : { value, timestamp: current.timestamp };
    },
  };
}

/** A record standing for a stored row, to evaluate expressions on it outside any input record. */
export function getterRecord(key: Row, value: Row, timestamp: number): StreamRecord {
  return {
    key,
    value,
    timestamp,
    window: null,
    headers: [],
    origin: { topic: '', partition: -1, offset: -1 },
  };
}
