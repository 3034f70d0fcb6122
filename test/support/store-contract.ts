import {
  jsonCodec,
  rowCodec,
  TaskStores,
  type BytesStoreBackend,
  type ChangelogRecord,
} from '../../topology/state';
import { SqlTypes, type StoreSpec } from '../../topology/spec';

const b = (...bytes: number[]): Buffer => Buffer.from(bytes);
const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const keys = (entries: readonly { key: Buffer }[]): string[] =>
  entries.map((e) => e.key.toString('hex'));

/**
 * The contract every `BytesStoreBackend` passes (in-memory here, Redis in its own tests):
 * point reads and writes, unsigned byte ordering, inclusive ranges, limits, read-your-writes
 * before flush, checkpoints, and the typed store stacks built on top of the backend.
 * `makeBackend` must return an empty backend each call.
 */
export function runStoreContractSuite(
  name: string,
  makeBackend: () => Promise<BytesStoreBackend>,
): void {
  describe(`${name} backend store contract`, () => {
    let backend: BytesStoreBackend;
    beforeEach(async () => {
      backend = await makeBackend();
    });
    afterEach(async () => {
      await backend.close();
    });

    it('returns null for a missing key and the value after a put', async () => {
      expect(await backend.get(text('a'))).toBeNull();
      await backend.put(text('a'), text('1'));
      expect((await backend.get(text('a')))?.toString()).toBe('1');
    });

    it('overwrites and deletes', async () => {
      await backend.put(text('a'), text('1'));
      await backend.put(text('a'), text('2'));
      expect((await backend.get(text('a')))?.toString()).toBe('2');
      await backend.delete(text('a'));
      expect(await backend.get(text('a'))).toBeNull();
      expect(await backend.scan()).toHaveLength(0);
    });

    it('orders keys by unsigned bytes, including 0x00 and 0xff bytes', async () => {
      for (const key of [b(0xff), b(0x00, 0x01), b(0x00), b(0x7f, 0xff), b(0x80)])
        await backend.put(key, b(1));
      expect(keys(await backend.scan())).toEqual(['00', '0001', '7fff', '80', 'ff']);
    });

    it('ranges are inclusive on both ends and honour the limit', async () => {
      for (let i = 0; i < 10; i++) await backend.put(b(i), b(i));
      expect(keys(await backend.range(b(2), b(5)))).toEqual(['02', '03', '04', '05']);
      expect(keys(await backend.range(b(2), b(5), 2))).toEqual(['02', '03']);
      expect(await backend.range(b(5), b(2))).toHaveLength(0);
      expect(keys(await backend.scan(3))).toEqual(['00', '01', '02']);
    });

    it('keeps binary values intact', async () => {
      const value = Buffer.from([0, 255, 10, 13, 0]);
      await backend.put(b(1), value);
      expect((await backend.get(b(1)))?.equals(value)).toBe(true);
    });

    it('stores a checkpoint with a flush', async () => {
      expect(await backend.readCheckpoint()).toBeNull();
      await backend.put(b(1), b(1));
      await backend.flush({ changelogOffset: '42' });
      expect((await backend.readCheckpoint())?.changelogOffset).toBe('42');
      expect((await backend.get(b(1)))?.equals(b(1))).toBe(true);
    });

    describe('store stacks over the backend', () => {
      const changelog: ChangelogRecord[] = [];
      const stores = (): TaskStores =>
        new TaskStores({
          applicationId: 'app',
          taskId: '0_0',
          partition: 0,
          backends: { open: () => Promise.resolve(backend) },
          changelog: { append: (r) => changelog.push(r) },
          emission: 'eager',
          maxCachedEntries: 1000,
        });
      const keyCols = [{ name: 'K', type: SqlTypes.string }];

      it('key-value stack reads its writes before commit and logs them once at commit', async () => {
        changelog.length = 0;
        const spec: StoreSpec = { name: 'kv', kind: 'keyValue', changelogTopic: 'kv-changelog' };
        const task = stores();
        const kv = await task.keyValue(spec, rowCodec(keyCols), jsonCodec<number>());
        await kv.put(['a'], 1, 10);
        await kv.put(['a'], 2, 11);
        expect(await kv.get(['a'])).toEqual({ value: 2, timestamp: 11 });
        expect(changelog).toHaveLength(0);
        await task.flush();
        expect(changelog.map((r) => r.topic)).toEqual(['kv-changelog']);
        expect(await backend.scan()).toHaveLength(1);
      });

      it('window stack fetches by key and time, and hides expired windows', async () => {
        const spec: StoreSpec = {
          name: 'win',
          kind: 'window',
          changelogTopic: null,
          retentionMs: 100,
        };
        const win = await stores().window(spec, keyCols, jsonCodec<number>());
        await win.put(['a'], 0, 1, 0);
        await win.put(['a'], 50, 2, 50);
        await win.put(['b'], 50, 3, 50);
        expect((await win.fetchKey(['a'], 0, 60)).map((w) => w.value)).toEqual([1, 2]);
        expect((await win.fetchAll(0, 60)).map((w) => w.value)).toEqual([1, 2, 3]);
        await win.put(['a'], 150, 4, 150);
        expect(await win.fetch(['a'], 0)).toBeNull();
        expect((await win.fetchAll(0, 200)).map((w) => w.value)).toEqual([2, 3, 4]);
      });

      it('session stack finds overlapping sessions of one key', async () => {
        const spec: StoreSpec = {
          name: 'ses',
          kind: 'session',
          changelogTopic: null,
          retentionMs: 1000,
        };
        const ses = await stores().session(spec, keyCols, jsonCodec<number>());
        await ses.put(['a'], 0, 10, 1, 10);
        await ses.put(['a'], 20, 30, 2, 30);
        await ses.put(['b'], 0, 30, 3, 30);
        expect((await ses.findSessions(['a'], 5, 25)).map((s) => s.value)).toEqual([1, 2]);
        expect((await ses.findSessions(['a'], 11, 25)).map((s) => s.value)).toEqual([2]);
        await ses.remove(['a'], 0, 10, 40);
        expect((await ses.fetchEndingBetween(0, 100)).map((s) => [s.key, s.value])).toEqual([
          [['a'], 2],
          [['b'], 3],
        ]);
      });
    });
  });
}
