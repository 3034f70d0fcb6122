import type { ForeignKeyTableTableJoinStep } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { jsonCodec, prefixEnd, rowCodec } from '../state';
import { getterRecord } from './derived-getter';
import { combinedKeyCodec, combinedKeyPrefix } from './fk-join-wire';
import { joiner } from './join-rows';
import { compileKey, hasNull } from './key-evaluator';
import type { StepBuilder, TableValueGetter } from './processor';
import { ProcessorError } from './processor-error';
import { requireStore } from './require-store';

/**
 * Foreign-key table-table join of a spec without `subscription` (planned before the join ran as
 * two halves), co-located: `stores[0]` indexes left keys by foreign key so a right change finds
 * every left row that references it. Output key = left key; timestamps are the larger of both
 * sides. A left delete emits a tombstone; a left row whose foreign key has no match emits
 * NULL-padded (LEFT) or a tombstone if it had a result (INNER). Both sides must be readable
 * tables (their getters) and in this task, so only co-partitioned inputs join exactly. Joins with
 * `subscription` are built by the task graph from `buildForeignKeyJoinLeft`/`Right`.
 */
export const buildForeignKeyJoin: StepBuilder<ForeignKeyTableTableJoinStep> = async (step, ctx) => {
  if (step.subscription)
    throw new ProcessorError(
      `foreign-key join '${step.id}' runs as two halves: build it with the task graph`,
      step.id,
    );
  const [leftSchema, rightSchema] = [ctx.inputSchemas[0]!, ctx.inputSchemas[1]!];
  const fkOf = compileKey(step.foreignKey, leftSchema, ctx);
  const index = await ctx.stores.keyValue(
    requireStore(step, 0),
    combinedKeyCodec(leftSchema.key, rightSchema.key),
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
    const prefix = combinedKeyPrefix(fkBytes(record.key));
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
