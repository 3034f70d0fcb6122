import type { RedisPort } from '../../../topology/state/redis';

/** A `RedisPort` that counts the round trips it forwards, per operation. */
export interface CountingRedisPort extends RedisPort {
  readonly calls: Record<
    'hashGet' | 'hashGetAll' | 'rangeByLex' | 'lexMembers' | 'transaction' | 'deleteMatching',
    number
  >;
  reset(): void;
}

export function countingRedisPort(inner: RedisPort): CountingRedisPort {
  const calls = {
    hashGet: 0,
    hashGetAll: 0,
    rangeByLex: 0,
    lexMembers: 0,
    transaction: 0,
    deleteMatching: 0,
  };
  return {
    calls,
    reset: () => {
      for (const k of Object.keys(calls) as (keyof typeof calls)[]) calls[k] = 0;
    },
    hashGet: (hash, fields) => (calls.hashGet++, inner.hashGet(hash, fields)),
    hashGetAll: (hash) => (calls.hashGetAll++, inner.hashGetAll(hash)),
    rangeByLex: (index, data, from, to, limit) => (
      calls.rangeByLex++,
      inner.rangeByLex(index, data, from, to, limit)
    ),
    lexMembers: (index, limit) => (calls.lexMembers++, inner.lexMembers(index, limit)),
    transaction: (writes, checks) => (calls.transaction++, inner.transaction(writes, checks)),
    claimEpoch: (hash, field, epoch) => inner.claimEpoch(hash, field, epoch),
    deleteMatching: (pattern) => (calls.deleteMatching++, inner.deleteMatching(pattern)),
    close: () => inner.close(),
  };
}
