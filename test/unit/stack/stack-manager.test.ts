import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackConfig } from '../../../src/stack';
import { stackDown, stackUp } from '../../../src/stack/stack-manager';
import type { StackService, UpOutcome } from '../../../src/stack/stack-service';
import { renderTable } from '../../../src/cli/render-table';

/** An in-memory service: running or not, counting what the manager asked of it. */
function fakeService(name: string, running: boolean) {
  const calls = { started: 0, stopped: 0 };
  const service: StackService = {
    name,
    address: () => `${name}:1`,
    answers: () => Promise.resolve(running),
    up: (): Promise<UpOutcome> => {
      if (running) return Promise.resolve({ kind: 'already-running' });
      running = true;
      calls.started += 1;
      return Promise.resolve({ kind: 'started', pid: null });
    },
    down: () => {
      running = false;
      calls.stopped += 1;
      return Promise.resolve();
    },
  };
  return { service, calls };
}

describe('stack manager', () => {
  const config = () => ({
    ...stackConfig(),
    stateDir: mkdtempSync(join(tmpdir(), 'brook-stack-')),
  });

  it('starts only the services that do not answer, and a second up starts nothing', async () => {
    const cfg = config();
    const external = fakeService('postgres', true);
    const ours = fakeService('kafka', false);
    const services = [external.service, ours.service];
    expect(await stackUp(() => undefined, cfg, services)).toEqual(['kafka']);
    expect(await stackUp(() => undefined, cfg, services)).toEqual([]);
    expect(ours.calls.started).toBe(1);
    expect(external.calls.started).toBe(0);
  });

  it('down stops what up started and leaves external services alone', async () => {
    const cfg = config();
    const external = fakeService('postgres', true);
    const ours = fakeService('kafka', false);
    const services = [external.service, ours.service];
    await stackUp(() => undefined, cfg, services);
    expect(await stackDown(() => undefined, cfg, services)).toEqual(['kafka']);
    expect(external.calls.stopped).toBe(0);
    expect(await stackDown(() => undefined, cfg, services)).toEqual([]);
  });
});

describe('renderTable', () => {
  it('pads columns to the widest cell, as the ksql CLI lists things', () => {
    expect(renderTable(['Name', 'Type'], [['ORDERS', 'STREAM']])).toBe(
      [' Name   | Type   ', '-----------------', ' ORDERS | STREAM ', '-----------------'].join(
        '\n',
      ),
    );
  });
});
