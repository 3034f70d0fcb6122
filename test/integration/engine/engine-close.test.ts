import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { services, uniqueName } from '../../support/services';

jest.setTimeout(120_000);

interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let running: ReturnType<typeof spawn> | undefined;

/**
 * Runs the child to its own exit. A child that reports sockets left open after close would never
 * exit: it is killed at once, and the assertions show what it reported.
 */
function runChild(settings: object): Promise<ChildRun> {
  const child = spawn(process.execPath, ['-e', `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'support/close-engine-child.ts'))});`], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, BROOK_CHILD: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (/"brokerSockets":\["/.test(stdout)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('engine.close()', () => {
  afterAll(() => {
    if (running?.exitCode === null) running.kill('SIGKILL');
  });

  it('leaves no socket to the broker open, so a process with a running connector exits on its own', async () => {
    const serviceId = `it_${uniqueName('close').replace(/[^a-z0-9]/gi, '')}_`;
    const run = await runChild({ serviceId, ...services });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}')).toEqual({ closed: true, brokerSockets: [] });
  });
});
