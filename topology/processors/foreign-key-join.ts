import type { ForeignKeyTableTableJoinStep } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { jsonCodec, prefixEnd, rowCodec, u32, type Codec } from '../state';
import { getterRecord } from './derived-getter';
import { joiner } from './join-rows';
import { compileKey, hasNull } from './key-evaluator';
import type { StepBuilder, TableValueGetter } from './processor';
import { requireStore } from './require-store';

interface IndexKey {
  readonly foreignKey: Row;
  readonly leftKey: Row;
}

/**
 * Foreign-key table-table join (KIP-213 semantics), co-located: `stores[0]` indexes left keys
 * by foreign key so a right change finds every left row that references it. Output key = left
 * key; timestamps are the larger of both sides. A left delete emits a tombstone; a left row whose
 * foreign key has no match emits NULL-padded (LEFT) or a tombstone if it had a result (INNER).
 * Both sides must be readable tables (their getters) and in this task: the runtime does not
 * implement Kafka Streams' subscription/response topics.
 */
export const buildForeignKeyJoin: StepBuilder<ForeignKeyTableTableJoinStep> = async (step, ctx) => {
  const [leftSchema, rightSchema] = [ctx.inputSchemas[0]!, ctx.inputSchemas[1]!];
  const fkOf = compileKey(step.foreignKey, leftSchema, ctx);
  const index = await ctx.stores.keyValue(
    requireStore(step, 0),
    indexCodec(leftSchema.key, rightSchema.key),
    jsonCodec<number>(),
  );
  const [leftGetter, rightGetter] = [ctx.getter(step.left), ctx.getter(step.right)];
  const join = joiner(leftSchema, rightSchema);
  const inner = step.joinType === 'INNER';
  const fkBytes = rowCodec(rightSchema.key).encode;
  const lookup = async (fk: Row | null) => (fk && !hasNull(fk) ? rightGetter.get(fk) : null);

  const onLeft = async (record: Parameters<typeof ctx.forward>[0]): Promise<void> => {
    const newFk = record.value ? fkOf(record) : null;
    const oldFk = record.oldValue ? fkOf(record, record.oldValue) : null;
    if (oldFk && !hasNull(oldFk) && (!newFk || !fkBytes(oldFk).equals(fkBytes(newFk)))) {
      await index.put({ foreignKey: oldFk, leftKey: record.key }, null, record.timestamp);
    }
    if (newFk && !hasNull(newFk))
      await index.put({ foreignKey: newFk, leftKey: record.key }, 1, record.timestamp);
    if (record.value === null) {
      await ctx.forward({ ...record, value: null, oldValue: null });
      return;
    }
    const right = await lookup(newFk);
    if (!right && inner) {
      if (record.oldValue && (await lookup(oldFk)))
        await ctx.forward({ ...record, value: null, oldValue: null });
      return;
    }
    const timestamp = Math.max(record.timestamp, right?.timestamp ?? 0);
    await ctx.forward({
      ...record,
      value: join(record.value, right?.value ?? null),
      oldValue: null,
      timestamp,
    });
  };

  const onRight = async (record: Parameters<typeof ctx.forward>[0]): Promise<void> => {
    const prefix = indexPrefix(fkBytes(record.key));
    for (const entry of await index.range(prefix, prefixEnd(prefix))) {
      const left = await leftGetter.get(entry.key.leftKey);
      if (!left) continue;
      const timestamp = Math.max(record.timestamp, left.timestamp);
      const value = record.value === null && inner ? null : join(left.value, record.value);
      await ctx.forward({ ...record, key: entry.key.leftKey, value, oldValue: null, timestamp });
    }
  };

  return {
    inputs: [{ process: onLeft }, { process: onRight }],
    getter: fkGetter(
      leftGetter,
      (key, row) => lookup(fkOf(getterRecord(key, row, 0))),
      inner,
      join,
    ),
  };
};

function indexPrefix(fk: Buffer): Buffer {
  return Buffer.concat([u32(fk.length), fk]);
}

function indexCodec(
  leftKey: Parameters<typeof rowCodec>[0],
  rightKey: Parameters<typeof rowCodec>[0],
): Codec<IndexKey> {
  const [left, right] = [rowCodec(leftKey), rowCodec(rightKey)];
  return {
    encode: (k) => Buffer.concat([indexPrefix(right.encode(k.foreignKey)), left.encode(k.leftKey)]),
    decode: (b) => {
      const length = b.readUInt32BE(0);
      return {
        foreignKey: right.decode(b.subarray(4, 4 + length)),
        leftKey: left.decode(b.subarray(4 + length)),
      };
    },
  };
}

type Lookup = (key: Row, row: Row) => ReturnType<TableValueGetter['get']>;

function fkGetter(
  left: TableValueGetter,
  lookup: Lookup,
  inner: boolean,
  join: (l: Row, r: Row | null) => Row,
): TableValueGetter {
  return {
    get: async (key) => {
      const l = await left.get(key);
      if (!l) return null;
      const r = await lookup(key, l.value);
      if (!r && inner) return null;
      return {
        value: join(l.value, r?.value ?? null),
        timestamp: Math.max(l.timestamp, r?.timestamp ?? 0),
      };
    },
  };
}
