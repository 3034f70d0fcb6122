import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { stopProcess } from './kafka-service';
import { run, waitFor } from './process-utils';
import type { StackConfig } from './stack-config';
import type { StackContext, StackService, UpOutcome } from './stack-service';

/** The machine's Redis, started with no persistence when it is not running. */
export const redisService: StackService = {
  name: 'redis',
  address: (c) => `${c.host}:${c.redisPort}`,
  answers: (c) => ping(c),

  async up({ config, progress }): Promise<UpOutcome> {
    if (await this.answers(config)) return { kind: 'already-running' };
    const dir = join(config.stateDir, 'redis');
    mkdirSync(dir, { recursive: true });
    const pidFile = join(dir, 'redis.pid');
    progress(`starting Redis on ${this.address(config)}`);
    const res = run('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      config.host,
      '--port',
      String(config.redisPort),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--logfile',
      join(dir, 'redis.log'),
      '--pidfile',
      pidFile,
    ]);
    if (res.status !== 0) throw new Error(`redis-server failed: ${res.stderr || res.stdout}`);
    await waitFor('Redis to answer', () => this.answers(config), 30_000);
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : null;
    return { kind: 'started', pid };
  },

  async down(_ctx: StackContext, pid: number | null): Promise<void> {
    if (pid !== null) await stopProcess(pid, 'Redis');
  },
};

function ping(c: StackConfig): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: c.host, port: c.redisPort });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}
