import type { ForeignKeyTableTableJoinStep } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { rowCodec } from '../state';
import {
  rowHasher,
  subscriptionWire,
  type SubscriptionInstruction,
  type SubscriptionResponse,
} from './fk-join-wire';
import {
  reportUndecodable,
  requireSubscription,
  type SubscriptionSend,
} from './fk-join-subscription';
import { joiner } from './join-rows';
import { compileKey, hasNull } from './key-evaluator';
import type { Processor, StepContext, TableValueGetter } from './processor';
import type { RawRecord } from './raw-record';
import { requireStore } from './require-store';
import type { StreamRecord } from './stream-record';

/** The left half of a foreign-key join: the step's output, getter and response reader. */
export interface ForeignKeyJoinLeftHalf {
  /** Input port for the left table's changes. */
  readonly left: Processor;
  /** The join result by left key (from `stores[1]`). */
  readonly getter: TableValueGetter;
  /** Reads the response topic. */
  receiveResponse(raw: RawRecord): Promise<void>;
}

/**
 * Left half (Kafka Streams' SubscriptionSendProcessor + ResponseJoinProcessor), running next to
 * the left table. A left change sends subscriptions keyed by foreign key: an unsubscribe
 * (DELETE_KEY_NO_PROPAGATE) from the old key when the key moved, then a subscription to the new
 * one, which the right half answers. Results are computed only from responses whose hash matches
 * the current left row, so an answer to a row that changed since is dropped (its successor's
 * answer follows). Left deletes and NULL foreign keys involve no right row: they are resolved
 * here at once (the hash check then drops answers still in flight for the old row).
 *
 * `stores[1]` keeps the results: the getter for downstream joins, the old value forwarded with
 * each change, and no tombstone for a key that had no result (an INNER join row that never
 * matched, deleted or re-pointed to a missing key, has nothing to retract).
 */
export async function buildForeignKeyJoinLeft(
  step: ForeignKeyTableTableJoinStep,
  ctx: StepContext,
  send: SubscriptionSend,
): Promise<ForeignKeyJoinLeftHalf> {
  const { registrationTopic, responseTopic } = requireSubscription(step);
  const [leftSchema, rightSchema] = [ctx.inputSchemas[0]!, ctx.inputSchemas[1]!];
  const wire = subscriptionWire(leftSchema, rightSchema);
  const fkOf = compileKey(step.foreignKey, leftSchema, ctx);
  const hashOf = rowHasher(leftSchema.value);
  const fkBytes = rowCodec(rightSchema.key).encode;
  const results = await ctx.stores.keyValue(
    requireStore(step, 1),
    rowCodec(step.schema.key),
    rowCodec(step.schema.value),
  );
  const leftGetter = ctx.getter(step.left);
  const join = joiner(leftSchema, rightSchema);
  const inner = step.joinType === 'INNER';

  const validFk = (record: StreamRecord, row: Row | null | undefined): Row | null => {
    if (!row) return null;
    const fk = fkOf(record, row);
    return hasNull(fk) ? null : fk;
  };

  const subscribe = (
    fk: Row,
    instruction: SubscriptionInstruction,
    hash: string | null,
    record: StreamRecord,
  ): void =>
    send({
      topic: registrationTopic,
      key: wire.encodeForeignKey(fk),
      value: wire.encodeSubscription({ instruction, hash, leftKey: record.key }),
      timestamp: record.timestamp,
      headers: record.headers,
    });

  const emit = async (record: StreamRecord, value: Row | null, timestamp: number) => {
    const old = await results.get(record.key);
    if (value === null && !old) return;
    await results.put(record.key, value, timestamp);
    await ctx.forward({
      key: record.key,
      value,
      oldValue: old?.value ?? null,
      timestamp,
      window: null,
      headers: record.headers,
      origin: record.origin,
    });
  };

  const onLeft = async (record: StreamRecord): Promise<void> => {
    const newFk = validFk(record, record.value);
    const oldFk = validFk(record, record.oldValue);
    const hash = record.value ? hashOf(record.value) : null;
    if (oldFk && (!newFk || !fkBytes(oldFk).equals(fkBytes(newFk))))
      subscribe(oldFk, 'DELETE_KEY_NO_PROPAGATE', hash, record);
    if (record.value === null) {
      await emit(record, null, record.timestamp);
      return;
    }
    if (!newFk) {
      await emit(record, inner ? null : join(record.value, null), record.timestamp);
      return;
    }
    // A new INNER row with no right row has nothing to say; any other change may retract.
    const instruction =
      inner && !record.oldValue
        ? 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE'
        : 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE';
    subscribe(newFk, instruction, hash, record);
  };

  const onResponse = async (record: StreamRecord, response: SubscriptionResponse) => {
    const current = await leftGetter.get(record.key);
    const currentHash = current ? hashOf(current.value) : null;
    if (response.hash !== currentHash) return; // stale: the left row changed since it asked
    const timestamp = Math.max(record.timestamp, current?.timestamp ?? 0);
    const matched = current && (response.rightValue !== null || !inner);
    await emit(record, matched ? join(current.value, response.rightValue) : null, timestamp);
  };

  return {
    left: { process: onLeft },
    getter: { get: (key) => results.get(key) },
    receiveResponse: async (raw) => {
      let record: StreamRecord;
      let response: SubscriptionResponse;
      try {
        response = wire.decodeResponse(raw.value);
        record = {
          key: wire.decodeLeftKey(raw.key),
          value: null,
          timestamp: raw.timestamp,
          window: null,
          headers: raw.headers,
          origin: { topic: raw.topic, partition: raw.partition, offset: raw.offset },
        };
      } catch (error) {
        reportUndecodable(ctx, raw, responseTopic, error);
        return;
      }
      await onResponse(record, response);
    },
  };
}
