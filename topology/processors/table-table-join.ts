import type { JoinType, TableTableJoinStep } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { joiner } from './join-rows';
import type { Processor, StepBuilder, StepContext, TableValueGetter } from './processor';

/**
 * Table-table join on the primary key (KTableKTable{Inner,Left,Outer}Join): a change on one side
 * looks up the other side; the result takes the larger of both timestamps and carries the old
 * joined row, so a delete becomes a tombstone.
 */
export const buildTableTableJoin: StepBuilder<TableTableJoinStep> = (step, ctx) => {
  const [leftGetter, rightGetter] = [ctx.getter(step.left), ctx.getter(step.right)];
  const join = joiner(ctx.inputSchemas[0]!, ctx.inputSchemas[1]!);
  const leftOuter = step.joinType === 'LEFT' || step.joinType === 'OUTER';
  const rightOuter = step.joinType === 'RIGHT' || step.joinType === 'OUTER';
  return Promise.resolve({
    inputs: [
      side(ctx, rightGetter, leftOuter, rightOuter, (mine, other) => join(mine, other)),
      side(ctx, leftGetter, rightOuter, leftOuter, (mine, other) => join(other, mine)),
    ],
    getter: joinedGetter(leftGetter, rightGetter, step.joinType, join),
  });
};

function side(
  ctx: StepContext,
  other: TableValueGetter,
  mineOuter: boolean,
  otherOuter: boolean,
  join: (mine: Row | null, other: Row | null) => Row,
): Processor {
  return {
    process: async (record) => {
      const current = await other.get(record.key);
      if (!current && (!mineOuter || (record.value === null && !record.oldValue))) return;
      const otherRow = current?.value ?? null;
      const joined = (mine: Row | null): Row | null =>
        (mine !== null || (otherRow && otherOuter)) && (otherRow || mineOuter)
          ? join(mine, otherRow)
          : null;
      const timestamp = current ? Math.max(record.timestamp, current.timestamp) : record.timestamp;
      await ctx.forward({
        ...record,
        value: joined(record.value),
        oldValue: joined(record.oldValue ?? null),
        timestamp,
      });
    },
  };
}

function joinedGetter(
  left: TableValueGetter,
  right: TableValueGetter,
  type: JoinType,
  join: (l: Row | null, r: Row | null) => Row,
): TableValueGetter {
  return {
    get: async (key) => {
      const [l, r] = [await left.get(key), await right.get(key)];
      const keep = type === 'INNER' ? l && r : type === 'LEFT' ? l : type === 'RIGHT' ? r : l || r;
      if (!keep) return null;
      return {
        value: join(l?.value ?? null, r?.value ?? null),
        timestamp: Math.max(l?.timestamp ?? 0, r?.timestamp ?? 0),
      };
    },
  };
}
