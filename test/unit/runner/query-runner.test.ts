import type { ConsumedRecord } from '../../../topology/kafka';
import {
  startQuery,
  type QueryHandle,
  type RunnerTask,
  type RunnerTaskFactory,
} from '../../../topology/runner';
import { InMemoryBackendFactory, type StoreCheckpoint } from '../../../topology/state';
import { countByKeySpec } from '../../integration/runtime/specs';
import { InMemoryKafka } from './in-memory-kafka';

const spec = countByKeySpec('svc_', 'CTAS_T_1', 'src', 'sink');
const changelog = spec.internalTopics[0]!.name;

/** A task that journals every hook; each record emits one sink and one changelog record. */
function journalingTasks(kafka: InMemoryKafka, failOn?: number): RunnerTaskFactory {
  // Shared by every task instance, as Redis is: a reopened task finds its checkpoint.
  let checkpoint: StoreCheckpoint | null = null;
  return {
    create: (ctx) => {
      const store = spec.steps[2]!.stores[0]!.name;
      const task: RunnerTask = {
        id: ctx.taskId,
        partition: ctx.partition,
        changelogStores: [{ store, topic: changelog }],
        process: (record) => {
          if (record.offset === failOn) {
            failOn = undefined;
            return Promise.reject(
              Object.assign(new Error('Redis unavailable'), { retriable: true }),
            );
          }
          ctx.emit({ topic: 'sink', key: record.key, value: record.value });
          ctx.changelog.append({
            topic: changelog,
            partition: ctx.partition,
            key: record.key!,
            value: record.value,
            timestamp: 0,
          });
          kafka.journal.push(`process ${record.partition}@${record.offset}`);
          return Promise.resolve();
        },
        writeDown: () => Promise.resolve(void kafka.journal.push(`writeDown ${ctx.taskId}`)),
        flushStores: (checkpoints) => {
          checkpoint = checkpoints.get(store) ?? checkpoint;
          kafka.journal.push(
            `flushStores ${ctx.taskId} ${checkpoints.get(store)?.changelogOffset ?? '-'}`,
          );
          return Promise.resolve();
        },
        readCheckpoint: () => Promise.resolve(checkpoint),
        restore: () => Promise.resolve(),
        close: () => Promise.resolve(void kafka.journal.push(`close ${ctx.taskId}`)),
      };
      return Promise.resolve(task);
    },
  };
}

const record = (partition: number, offset: number): ConsumedRecord => ({
  topic: 'src',
  partition,
  offset,
  key: Buffer.from(`k${offset}`),
  value: Buffer.from('{}'),
  timestamp: offset,
  headers: {},
});

async function start(kafka: InMemoryKafka, failOn?: number): Promise<QueryHandle> {
  return startQuery({
    spec,
    serviceId: 'svc_',
    kafka,
    backends: new InMemoryBackendFactory(),
    tasks: journalingTasks(kafka, failOn),
    properties: { 'commit.interval.ms': '0' },
  });
}

describe('query runner commit cycle (in-memory ports)', () => {
  test('a commit writes down, flushes the producer, flushes stores with the changelog offset, then commits inputs', async () => {
    const kafka = new InMemoryKafka(new Map([['src', 2]]));
    const handle = await start(kafka);
    await kafka.handler!.onAssigned([{ topic: 'src', partition: 1 }]);
    kafka.journal.length = 0;
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 1,
      highWatermark: 5,
      records: [record(1, 3), record(1, 4)],
    });
    expect(kafka.journal).toEqual([
      'process 1@3',
      'process 1@4',
      'writeDown 0_1',
      'producer flush 4',
      'flushStores 0_1 2',
      'commit src:1@5',
    ]);
    expect(handle.metrics()).toMatchObject({
      recordsIn: 2,
      recordsOut: 2,
      lag: 0,
      assignedTasks: ['0_1'],
    });
    await handle.stop();
  });

  test('revocation by a rebalance abandons uncommitted work; stop commits it', async () => {
    const kafka = new InMemoryKafka(new Map([['src', 2]]));
    const handle = await startQuery({
      spec,
      serviceId: 'svc_',
      kafka,
      backends: new InMemoryBackendFactory(),
      tasks: journalingTasks(kafka),
      properties: { 'commit.interval.ms': '3600000' },
    });
    await kafka.handler!.onAssigned([
      { topic: 'src', partition: 0 },
      { topic: 'src', partition: 1 },
    ]);
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 1,
      records: [record(0, 0)],
    });
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 1,
      highWatermark: 1,
      records: [record(1, 0)],
    });
    kafka.journal.length = 0;
    await kafka.handler!.onRevoked([{ topic: 'src', partition: 0 }]);
    expect(kafka.journal).toEqual(['close 0_0']);
    kafka.journal.length = 0;
    await handle.stop();
    await kafka.handler!.onRevoked([{ topic: 'src', partition: 1 }]);
    expect(kafka.journal).toContain('commit src:1@1');
    expect(kafka.journal.indexOf('flushStores 0_1 2')).toBeLessThan(
      kafka.journal.indexOf('commit src:1@1'),
    );
  });

  test('a retriable failure rewinds to the committed offset and reopens the task', async () => {
    const kafka = new InMemoryKafka(new Map([['src', 1]]));
    const handle = await start(kafka, 7);
    await kafka.handler!.onAssigned([{ topic: 'src', partition: 0 }]);
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 6,
      records: [record(0, 5)],
    });
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 8,
      records: [record(0, 6), record(0, 7)],
    });
    expect(kafka.seeks).toEqual([{ topic: 'src', partition: 0, offset: 6 }]);
    expect(kafka.journal.filter((l) => l.startsWith('close'))).toEqual(['close 0_0']);
    expect(handle.status().state).toBe('RUNNING');
    await handle.stop();
  });

  test('a batch fetched before a recovery rewound its partition is dropped; the rewound records are processed once', async () => {
    const kafka = new InMemoryKafka(new Map([['src', 1]]));
    const handle = await start(kafka, 7);
    await kafka.handler!.onAssigned([{ topic: 'src', partition: 0 }]);
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 6,
      records: [record(0, 5)],
    });
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 8,
      records: [record(0, 6), record(0, 7)],
    });
    expect(kafka.seeks).toEqual([{ topic: 'src', partition: 0, offset: 6 }]);
    kafka.journal.length = 0;
    // Fetched from the abandoned position while the recovery ran; the seek is still pending.
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 10,
      records: [record(0, 8), record(0, 9)],
      isStale: () => true,
    });
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 10,
      records: [record(0, 6), record(0, 7), record(0, 8), record(0, 9)],
      isStale: () => false,
    });
    expect(kafka.journal.filter((l) => l.startsWith('process'))).toEqual([
      'process 0@6',
      'process 0@7',
      'process 0@8',
      'process 0@9',
    ]);
    expect(kafka.journal).toContain('commit src:0@10');
    await handle.stop();
  });

  test('records delivered again below the partition position are not processed twice', async () => {
    const kafka = new InMemoryKafka(new Map([['src', 1]]));
    const handle = await start(kafka);
    await kafka.handler!.onAssigned([{ topic: 'src', partition: 0 }]);
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 2,
      records: [record(0, 0), record(0, 1)],
    });
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 3,
      records: [record(0, 0), record(0, 1), record(0, 2)],
    });
    expect(kafka.journal.filter((l) => l.startsWith('process'))).toEqual([
      'process 0@0',
      'process 0@1',
      'process 0@2',
    ]);
    expect(handle.metrics().recordsIn).toBe(3);
    await handle.stop();
  });

  test('a non-retriable failure moves the query to FAILED with the cause', async () => {
    const kafka = new InMemoryKafka(new Map([['src', 1]]));
    const handle = await start(kafka);
    await kafka.handler!.onAssigned([{ topic: 'src', partition: 0 }]);
    kafka.failNextFlush = Object.assign(new Error('record too large'), {
      retriable: false,
      code: 'RECORD_TOO_LARGE',
    });
    await kafka.handler!.onBatch({
      topic: 'src',
      partition: 0,
      highWatermark: 1,
      records: [record(0, 0)],
    });
    expect(handle.status()).toEqual({ state: 'FAILED', cause: 'record too large' });
    await handle.stop();
  });
});
