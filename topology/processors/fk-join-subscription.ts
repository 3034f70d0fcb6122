import type { ForeignKeyTableTableJoinStep } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { jsonCodec, prefixEnd, rowCodec } from '../state';
import {
  combinedKeyCodec,
  combinedKeyPrefix,
  subscriptionWire,
  type RowHash,
  type Subscription,
} from './fk-join-wire';
import { hasNull } from './key-evaluator';
import type { Processor, StepContext } from './processor';
import { ProcessorError } from './processor-error';
import type { RawRecord } from './raw-record';
import { requireStore } from './require-store';
import type { RecordHeader, StreamRecord } from './stream-record';

/** Writes one record to a foreign-key join topic (the task graph routes it like a repartition). */
export type SubscriptionSend = (out: {
  readonly topic: string;
  readonly key: Buffer;
  readonly value: Buffer;
  readonly timestamp: number;
  readonly headers: readonly RecordHeader[];
}) => void;

/** The right half of a foreign-key join: where subscriptions arrive and right changes fan out. */
export interface ForeignKeyJoinRightHalf {
  /** Input port for the right table's changes. */
  readonly right: Processor;
  /** Reads the registration topic. */
  receiveSubscription(raw: RawRecord): Promise<void>;
}

interface StoredSubscription {
  readonly h: RowHash | null;
}

/**
 * Right half (Kafka Streams' SubscriptionReceiveProcessor + SubscriptionJoinProcessor +
 * ForeignTableJoinProcessor), running next to the right table. `stores[0]` holds one entry per
 * (foreign key, left key) with the hash of the left row that subscribed.
 * - A subscription updates the store, then answers per its instruction with the right row now.
 * - A right change answers every subscriber of its key with the new right row (null: deleted)
 *   and the subscriber's hash, so the left half can tell whether the answer is still current.
 * A response's timestamp is the right row's (or the subscription's when there is none); the left
 * half takes the larger of it and its own row's.
 */
export async function buildForeignKeyJoinRight(
  step: ForeignKeyTableTableJoinStep,
  ctx: StepContext,
  send: SubscriptionSend,
): Promise<ForeignKeyJoinRightHalf> {
  const { registrationTopic, responseTopic } = requireSubscription(step);
  const [leftSchema, rightSchema] = [ctx.inputSchemas[0]!, ctx.inputSchemas[1]!];
  const wire = subscriptionWire(leftSchema, rightSchema);
  const store = await ctx.stores.keyValue(
    requireStore(step, 0),
    combinedKeyCodec(leftSchema.key, rightSchema.key),
    jsonCodec<StoredSubscription>(),
  );
  const rightGetter = ctx.getter(step.right);
  const fkBytes = rowCodec(rightSchema.key).encode;

  const respond = (
    leftKey: Row,
    hash: RowHash | null,
    rightValue: Row | null,
    timestamp: number,
    headers: readonly RecordHeader[],
  ): void =>
    send({
      topic: responseTopic,
      key: wire.encodeLeftKey(leftKey),
      value: wire.encodeResponse({ hash, rightValue }),
      timestamp,
      headers,
    });

  const onSubscription = async (
    fk: Row,
    s: Subscription,
    timestamp: number,
    headers: readonly RecordHeader[],
  ): Promise<void> => {
    const key = { foreignKey: fk, leftKey: s.leftKey };
    const deletes =
      s.instruction === 'DELETE_KEY_AND_PROPAGATE' || s.instruction === 'DELETE_KEY_NO_PROPAGATE';
    await store.put(key, deletes ? null : { h: s.hash }, timestamp);
    switch (s.instruction) {
      case 'DELETE_KEY_NO_PROPAGATE':
        return;
      case 'DELETE_KEY_AND_PROPAGATE':
        respond(s.leftKey, s.hash, null, timestamp, headers);
        return;
      case 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE':
      case 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE': {
        const right = hasNull(fk) ? null : await rightGetter.get(fk);
        if (!right && s.instruction === 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE') return;
        respond(s.leftKey, s.hash, right?.value ?? null, right?.timestamp ?? timestamp, headers);
        return;
      }
    }
  };

  const onRight = async (record: StreamRecord): Promise<void> => {
    // A delete of a key that had no row changes nothing for any subscriber.
    if (record.value === null && record.oldValue === null) return;
    const prefix = combinedKeyPrefix(fkBytes(record.key));
    for (const entry of await store.range(prefix, prefixEnd(prefix))) {
      respond(entry.key.leftKey, entry.value.h, record.value, record.timestamp, record.headers);
    }
  };

  return {
    right: { process: onRight },
    receiveSubscription: async (raw) => {
      let fk: Row;
      let subscription: Subscription;
      try {
        fk = wire.decodeForeignKey(raw.key);
        subscription = wire.decodeSubscription(raw.value);
      } catch (error) {
        reportUndecodable(ctx, raw, registrationTopic, error);
        return;
      }
      await onSubscription(fk, subscription, raw.timestamp, raw.headers);
    },
  };
}

export function requireSubscription(
  step: ForeignKeyTableTableJoinStep,
): NonNullable<ForeignKeyTableTableJoinStep['subscription']> {
  if (!step.subscription)
    throw new ProcessorError(`foreign-key join '${step.id}' has no subscription topics`, step.id);
  return step.subscription;
}

/** An internal record that does not decode goes to the processing log, as a bad source record. */
export function reportUndecodable(
  ctx: StepContext,
  raw: RawRecord,
  topic: string,
  error: unknown,
): void {
  const message = error instanceof Error ? error.message : String(error);
  ctx.report(
    'DESERIALIZATION_ERROR',
    `${topic}: ${message}`,
    {
      key: [],
      value: null,
      timestamp: raw.timestamp,
      window: null,
      headers: raw.headers,
      origin: { topic: raw.topic, partition: raw.partition, offset: raw.offset },
    },
    'SERDE_ERROR',
  );
}
