import { InMemoryCommandLog } from '../../../src/engine/memory';
import type { StateSizePort } from '../../../src/engine/ports';
import { startEngine, world } from './engine-fixture';

const SETUP = `
CREATE STREAM ORDERS (ID INT KEY, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=3);
CREATE TABLE TOTALS AS SELECT ID, SUM(AMOUNT) AS TOTAL FROM ORDERS GROUP BY ID;
`;

/** A command log whose reader crashed: another implementation of the port, not a mock. */
class CrashedReaderLog extends InMemoryCommandLog {
  crash: Error | undefined;

  failure(): Error | undefined {
    return this.crash;
  }
}

describe('engine health', () => {
  it('is unhealthy while a query failed, and healthy again once it is terminated', async () => {
    const w = world();
    const { engine, run, runtime } = await startEngine(w);
    await run(SETUP);
    expect((await engine.health()).isHealthy).toBe(true);
    runtime.fail('CTAS_TOTALS_1', 'Redis unreachable');
    const failed = await engine.health();
    expect(failed.isHealthy).toBe(false);
    expect(failed.details['queries']).toEqual({ isHealthy: false });
    expect(failed.details['commandRunner']).toEqual({ isHealthy: true });
    await run('TERMINATE CTAS_TOTALS_1;');
    expect((await engine.health()).isHealthy).toBe(true);
  });

  it('reports the command runner unhealthy while the command log reader is down', async () => {
    const log = new CrashedReaderLog();
    const { engine } = await startEngine({ ...world(), log });
    log.crash = new Error('coordinator not available');
    expect((await engine.health()).details['commandRunner']).toEqual({ isHealthy: false });
    expect((await engine.health()).isHealthy).toBe(false);
    log.crash = undefined;
    expect((await engine.health()).isHealthy).toBe(true);
  });
});

describe('query metrics', () => {
  it('reports the keys each query holds in the state backend over all partitions', async () => {
    const asked: { query: string; partitions: number }[] = [];
    const stateSize: StateSizePort = {
      keys: (spec, partitions) => {
        asked.push({ query: spec.queryId, partitions });
        return Promise.resolve(42);
      },
    };
    const { engine, run } = await startEngine(world(), 'engine-1', 'default_', { stateSize });
    await run(SETUP);
    expect(await engine.queryMetrics()).toEqual([
      { queryId: 'CTAS_TOTALS_1', state: 'RUNNING', recordsIn: 0, recordsOut: 0, errors: 0, consumerLag: 0, stateKeys: 42 },
    ]);
    expect(asked).toEqual([{ query: 'CTAS_TOTALS_1', partitions: 3 }]);
  });
});
