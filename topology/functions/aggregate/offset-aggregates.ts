import type { CallContext, Value } from '../function-contract';
import { defineAggregate, isNull } from './define-aggregate';

/**
 * EARLIEST_BY_OFFSET / LATEST_BY_OFFSET. Each kept value carries a sequence number so session
 * merges keep arrival order. The sequence is process-wide and starts from the wall clock in
 * microseconds, so values added after a restart still sort after older ones.
 */
let sequence = Date.now() * 1000;
const nextSeq = () => ++sequence;

type Entry = { seq: number; value: Value };
/** `n` is remembered (from the first add) so a session merge keeps as many values as the query asked for. */
type ByOffset = { entries: Entry[]; n: number | null };

interface Options {
  readonly n: number | undefined;
  readonly ignoreNulls: boolean;
}

const isArrayForm = (ctx: CallContext) => {
  const second = ctx.argTypes[1]?.kind;
  return second === 'INTEGER' || second === 'BIGINT';
};

/** The form comes from the argument types: (x), (x, ignoreNulls), (x, n), (x, n, ignoreNulls). */
function options(args: readonly Value[], ctx: CallContext): Options {
  if (isArrayForm(ctx)) {
    return { n: Number(args[1]), ignoreNulls: args.length > 2 ? args[2] !== false : true };
  }
  return { n: undefined, ignoreNulls: args.length > 1 ? args[1] !== false : true };
}

function byOffset(name: string, latest: boolean) {
  const keep = (entries: Entry[], n: number) => (latest ? entries.slice(-n) : entries.slice(0, n));
  return defineAggregate<ByOffset>({
    name,
    init: () => ({ entries: [], n: null }),
    add: (acc, args, ctx) => {
      const { n, ignoreNulls } = options(args, ctx);
      const limit = n ?? 1;
      const value = args[0] ?? null;
      if ((ignoreNulls && isNull(value)) || (!latest && acc.entries.length >= limit)) {
        return { entries: acc.entries, n: limit };
      }
      return { entries: keep([...acc.entries, { seq: nextSeq(), value }], limit), n: limit };
    },
    merge: (a, b) => {
      const all = [...a.entries, ...b.entries].sort((x, y) => x.seq - y.seq);
      const n = a.n ?? b.n ?? 1;
      return { entries: keep(all, n), n };
    },
    result: (acc, ctx) => {
      if (isArrayForm(ctx)) return acc.entries.map((e) => e.value);
      return acc.entries[0]?.value ?? null;
    },
  });
}

export const earliestByOffset = byOffset('EARLIEST_BY_OFFSET', false);
export const latestByOffset = byOffset('LATEST_BY_OFFSET', true);
