import type { SourceDefinition } from '../../sql';
import type { SerdeFactory } from '../../topology';
import type { TopologySpec } from '../../topology/spec';
import type { TopicNameMapper } from '../engine/adapters/topic-name-mapper';
import type { PersistentQuery } from '../engine/core/persistent-query';
import type { ProduceRecord, RecordPort, TopicAdminPort } from '../engine/ports';
import { serializeInput } from './input-bytes';
import { type StoredRecord, topicSchema } from './output-records';
import type { QttRecord } from './qtt-case';

/**
 * Produces the inputs in file order to partition 0 with their timestamps, serialised with the
 * schema of a query source reading the topic (else the catalog source on it); inputs of topics
 * nothing reads are left out. One idempotent producer keeps the broker order equal to the file
 * order.
 */
export async function produceInputs(
  inputs: readonly QttRecord[],
  sources: readonly SourceDefinition[],
  specs: readonly TopologySpec[],
  records: RecordPort,
  names: TopicNameMapper,
  serdes: SerdeFactory,
): Promise<void> {
  const batch: ProduceRecord[] = [];
  for (const input of inputs) {
    const schema =
      specs.flatMap((s) => s.sources).find((s) => s.topic === input.topic) ??
      topicSchema(input.topic, [], sources);
    if (!schema) continue;
    const bytes = await serializeInput(input, schema, names.toPhysical(input.topic), serdes);
    const headers = Object.fromEntries(
      (input.headers ?? [])
        .filter((h) => h.VALUE !== null)
        .map((h) => [h.KEY, Buffer.from(h.VALUE ?? '', 'base64')]),
    );
    batch.push({
      topic: input.topic,
      ...bytes,
      timestamp: input.timestamp ?? 0,
      partition: 0,
      ...(input.headers ? { headers } : {}),
    });
  }
  if (batch.length > 0) await records.produce(batch);
}

interface Snapshot {
  readonly text: string;
  readonly settled: boolean;
}

/**
 * Waits until every query has read at least what its source topics hold, has no lag, and the
 * counters and sink end offsets stay the same over three polls 200 ms apart.
 */
export async function waitForQuiescence(
  queries: readonly PersistentQuery[],
  topics: TopicAdminPort,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  let stable = 0;
  while (Date.now() < deadline) {
    const now = await snapshot(queries, topics);
    stable = now.settled && now.text === previous ? stable + 1 : 0;
    if (stable >= 3) return;
    previous = now.text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the queries did not go quiet within ${timeoutMs} ms`);
}

async function snapshot(
  queries: readonly PersistentQuery[],
  topics: TopicAdminPort,
): Promise<Snapshot> {
  const parts: string[] = [];
  let settled = true;
  for (const q of queries) {
    const m = await q.run?.metrics();
    if (!m) continue;
    const available = (
      await Promise.all(
        [...new Set(q.spec.sources.map((s) => s.topic))].map(async (t) =>
          sum(await topics.endOffsets(t)),
        ),
      )
    ).reduce((a, b) => a + b, 0);
    if (m.consumerLag > 0 || m.recordsIn < available) settled = false;
    parts.push(
      `${q.id}:${m.recordsIn}/${m.recordsOut}/${m.errors}/${sum(await topics.endOffsets(q.spec.sink.topic))}`,
    );
  }
  return { text: parts.join(','), settled };
}

/**
 * Reads a topic from the beginning up to its current end offsets: done once every partition's
 * last offset was seen. Transaction markers take offsets without being records, so a reader
 * that has seen nothing new for 3 s after its last record also stops; the comparison then
 * judges what was read (a short read shows as a count mismatch).
 */
export async function readTopic(
  topic: string,
  records: RecordPort,
  topics: TopicAdminPort,
  readerId: string,
): Promise<StoredRecord[]> {
  const ends = await topics.endOffsets(topic);
  if (sum(ends) === 0) return [];
  const reader = await records.read(topic, { fromBeginning: true, readerId });
  const out: StoredRecord[] = [];
  const next = new Map<number, number>();
  let idle = setTimeout(() => void reader.close(), 15_000);
  const done = (): boolean => ends.every((end, p) => end === 0 || (next.get(p) ?? 0) >= end);
  try {
    for await (const r of reader.records) {
      out.push({
        key: r.key,
        value: r.value,
        timestamp: r.timestamp,
        headers: Object.entries(r.headers).map(([key, value]) => ({ key, value })),
      });
      next.set(r.partition, r.offset + 1);
      if (done()) break;
      clearTimeout(idle);
      idle = setTimeout(() => void reader.close(), 3_000);
    }
  } finally {
    clearTimeout(idle);
    await reader.close();
  }
  return out;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
