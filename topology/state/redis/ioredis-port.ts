import Redis, { type Cluster } from 'ioredis';
import type { BytesEntry } from '../bytes';
import { assertNever } from '../../spec';
import { RedisFencedError, type RedisFence, type RedisPort, type RedisWrite } from './redis-port';

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
 * A fenced flush: the epoch check, the guard and every write in one script, so a writer whose
 * epoch is older than the stored one changes nothing. KEYS[1] is the fence hash; ARGV: epoch,
 * fence field, guard field ('' for none), then per write: op, key index, count, arguments.
 * Returns -1 when fenced, else the guard's HEXISTS answer (1 without a guard).
 */
const FENCED_WRITE_SCRIPT = `
local stored = redis.call('HGET', KEYS[1], ARGV[2])
if stored and tonumber(stored) > tonumber(ARGV[1]) then return -1 end
local intact = 1
if ARGV[3] ~= '' then intact = redis.call('HEXISTS', KEYS[1], ARGV[3]) end
local i = 4
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
return intact`;

/** Arguments per command: keeps single commands well under Redis's argument limits. */
const CHUNK = 1_000;

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
    async transaction(writes, guard, fence) {
      if (fence) return fencedTransaction(client, writes, guard, fence);
      const multi = client.multi();
      if (guard) multi.hexists(guard.hash, guard.field);
      for (const write of writes) queue(multi, write);
      const results = await multi.exec();
      if (results === null) throw new Error('Redis transaction aborted');
      const failed = results.find(([error]) => error !== null);
      if (failed?.[0]) throw failed[0];
      return guard ? results[0]?.[1] === 1 : true;
    },
    async incrementField(hash, field) {
      return client.hincrby(hash, field, 1);
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

async function fencedTransaction(
  client: Redis | Cluster,
  writes: readonly RedisWrite[],
  guard: { readonly hash: string; readonly field: string } | undefined,
  fence: RedisFence,
): Promise<boolean> {
  const keys = [fence.hash];
  const keyIndex = (key: string): number => {
    const at = keys.indexOf(key);
    if (at >= 0) return at + 1;
    keys.push(key);
    return keys.length;
  };
  if (guard && guard.hash !== fence.hash)
    throw new Error('a fenced transaction guards a field of its fence hash');
  const args: (string | Buffer | number)[] = [fence.epoch, fence.field, guard ? guard.field : ''];
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
  const result = (await client.eval(FENCED_WRITE_SCRIPT, keys.length, ...keys, ...args)) as number;
  if (result === -1) throw new RedisFencedError(fence.hash, fence.epoch);
  return result === 1;
}

type Multi = ReturnType<Redis['multi']>;

function queue(multi: Multi, write: RedisWrite): void {
  switch (write.kind) {
    case 'hashSet':
      for (const part of chunks(write.entries)) multi.hset(write.key, ...part.flat());
      return;
    case 'hashDelete':
      for (const part of chunks(write.fields)) multi.hdel(write.key, ...part);
      return;
    case 'lexAdd':
      for (const part of chunks(write.members))
        multi.zadd(write.key, ...part.flatMap((m) => [0, m]));
      return;
    case 'lexRemove':
      for (const part of chunks(write.members)) multi.zrem(write.key, ...part);
      return;
    default:
      assertNever(write);
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Opens an ioredis client from a URL (`redis://127.0.0.1:6379`); the port closes it. */
export function connectRedis(url: string): RedisPort {
  return ioredisPort(new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 5 }), true);
}
