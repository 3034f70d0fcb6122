import Redis, { type Cluster } from 'ioredis';
import type { BytesEntry } from '../bytes';
import { assertNever } from '../../spec';
import {
  RedisFencedError,
  type RedisCheck,
  type RedisPort,
  type RedisTransactionOutcome,
  type RedisWrite,
} from './redis-port';

// ZRANGE BYLEX orders members with memcmp: exactly unsigned byte order, as the contract wants.
const RANGE_SCRIPT = `
local members = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'BYLEX', 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for i, member in ipairs(members) do
  out[2 * i - 1] = member
  out[2 * i] = redis.call('HGET', KEYS[2], member) or false
end
return out`;

/**
 * An all-or-nothing flush: every check first, then every write, in one script, so a refused
 * flush (a zombie's, or one whose state vanished) leaves Redis exactly as it was.
 * ARGV: check count, then per check: key index, required field ('' for none), epoch field ('' for
 * none), epoch; then per write: op, key index, count, arguments.
 * Returns {1, 0} when applied, {-1, n} when check n is fenced, {0, n} when check n finds its
 * state lost.
 */
const FLUSH_SCRIPT = `
local checks = tonumber(ARGV[1])
local i = 2
for c = 1, checks do
  local hash = KEYS[tonumber(ARGV[i])]
  local required, epochField, epoch = ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  i = i + 4
  if epochField ~= '' then
    local stored = redis.call('HGET', hash, epochField)
    if stored and tonumber(stored) > tonumber(epoch) then return {-1, c} end
    if (not stored) or tonumber(stored) < tonumber(epoch) then return {0, c} end
  end
  if required ~= '' and redis.call('HEXISTS', hash, required) == 0 then return {0, c} end
end
while i <= #ARGV do
  local op, key, n = ARGV[i], KEYS[tonumber(ARGV[i + 1])], tonumber(ARGV[i + 2])
  i = i + 3
  local width = 1
  if op == 'hset' then width = 2 end
  local j = 0
  while j < n do
    local c = math.min(500, n - j)
    local from = i + j * width
    if op == 'zadd' then
      local args = {}
      for k = 0, c - 1 do
        args[2 * k + 1] = 0
        args[2 * k + 2] = ARGV[from + k]
      end
      redis.call('ZADD', key, unpack(args))
    else
      local command = 'HSET'
      if op == 'hdel' then command = 'HDEL' elseif op == 'zrem' then command = 'ZREM' end
      redis.call(command, key, unpack(ARGV, from, from + c * width - 1))
    end
    j = j + c
  end
  i = i + n * width
end
return {1, 0}`;

/** Stores `epoch` unless a greater one is stored (-1 then): the newest owner's claim wins. */
const CLAIM_SCRIPT = `
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored and tonumber(stored) > tonumber(ARGV[2]) then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

/** `RedisPort` over an ioredis client or cluster client (owned by the caller unless `owned`). */
export function ioredisPort(client: Redis | Cluster, owned = false): RedisPort {
  return {
    async hashGet(hash, fields) {
      if (fields.length === 0) return [];
      return client.hmgetBuffer(hash, ...fields);
    },
    async hashGetAll(hash) {
      return client.hgetall(hash);
    },
    async rangeByLex(index, data, from, to, limit) {
      const lo = from === null ? '-' : Buffer.concat([Buffer.from('['), from]);
      const hi = to === null ? '+' : Buffer.concat([Buffer.from('['), to]);
      const flat = (await client.callBuffer(
        'EVAL',
        RANGE_SCRIPT,
        2,
        index,
        data,
        lo,
        hi,
        limit,
      )) as (Buffer | null)[];
      const out: BytesEntry[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const value = flat[i + 1];
        // A member without a value cannot come from our flushes; skip it rather than invent one.
        if (value) out.push({ key: flat[i]!, value });
      }
      return out;
    },
    async lexMembers(index, limit) {
      if ((await client.zcard(index)) > limit) return null;
      return client.zrangeBuffer(index, '0', '-1');
    },
    async transaction(writes, checks = []) {
      return flushTransaction(client, writes, checks);
    },
    async claimEpoch(hash, field, epoch) {
      const result = (await client.eval(CLAIM_SCRIPT, 1, hash, field, epoch)) as number;
      if (result === -1) throw new RedisFencedError(hash, epoch);
    },
    async deleteMatching(pattern) {
      // Collect first, then delete together: one UNLINK per 10k keys, so a query's few keys
      // vanish at once (as after a FLUSHALL) rather than page by page between its flushes.
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, page] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        keys.push(...page);
      } while (cursor !== '0');
      let deleted = 0;
      for (let i = 0; i < keys.length; i += 10_000)
        deleted += await client.unlink(...keys.slice(i, i + 10_000));
      return deleted;
    },
    async close() {
      if (owned) await client.quit();
    },
  };
}

async function flushTransaction(
  client: Redis | Cluster,
  writes: readonly RedisWrite[],
  checks: readonly RedisCheck[],
): Promise<RedisTransactionOutcome> {
  if (writes.length === 0 && checks.length === 0) return { kind: 'applied' };
  const keys: string[] = [];
  const keyIndex = (key: string): number => {
    const at = keys.indexOf(key);
    if (at >= 0) return at + 1;
    keys.push(key);
    return keys.length;
  };
  const args: (string | Buffer | number)[] = [checks.length];
  for (const check of checks) {
    args.push(
      keyIndex(check.hash),
      check.requireField ?? '',
      check.epoch?.field ?? '',
      check.epoch?.value ?? 0,
    );
  }
  for (const write of writes) {
    switch (write.kind) {
      case 'hashSet':
        args.push('hset', keyIndex(write.key), write.entries.length);
        for (const [field, value] of write.entries) args.push(field, value);
        break;
      case 'hashDelete':
        args.push('hdel', keyIndex(write.key), write.fields.length, ...write.fields);
        break;
      case 'lexAdd':
        args.push('zadd', keyIndex(write.key), write.members.length, ...write.members);
        break;
      case 'lexRemove':
        args.push('zrem', keyIndex(write.key), write.members.length, ...write.members);
        break;
      default:
        assertNever(write);
    }
  }
  const [status, failed] = (await client.eval(FLUSH_SCRIPT, keys.length, ...keys, ...args)) as [
    number,
    number,
  ];
  if (status === 1) return { kind: 'applied' };
  const hash = checks[failed - 1]?.hash ?? '';
  return status === -1 ? { kind: 'fenced', hash } : { kind: 'lost', hash };
}

/** Opens an ioredis client from a URL (`redis://127.0.0.1:6379`); the port closes it. */
export function connectRedis(url: string): RedisPort {
  return ioredisPort(new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 5 }), true);
}
