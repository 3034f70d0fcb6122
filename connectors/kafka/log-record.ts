import type { IHeaders } from 'kafkajs';
import type { LogRecord } from '../runtime/kafka-port';

export function toLogRecord(
  topic: string,
  partition: number,
  m: {
    offset: string;
    key: Buffer | null;
    value: Buffer | null;
    headers?: IHeaders;
    timestamp: string;
  },
): LogRecord {
  const headers: Record<string, Buffer | string | undefined> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = Array.isArray(v) ? v[0] : v;
  return {
    topic,
    partition,
    offset: BigInt(m.offset),
    key: m.key,
    value: m.value,
    headers,
    timestamp: Number(m.timestamp),
  };
}
