import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface RunnerProcessSettings {
  readonly brokers: readonly string[];
  readonly redisUrl: string;
  readonly serviceId: string;
  readonly source: string;
  readonly sink: string;
  readonly keyPrefix: string;
  readonly guarantee: 'at_least_once' | 'exactly_once_v2';
}

/** A runner instance in a child process (`run-query.ts`) and the events it printed. */
export interface RunnerProcess {
  readonly events: { readonly kind: string; readonly [field: string]: unknown }[];
  /** Resolves once the query is RUNNING and owns at least one task. */
  readonly assigned: Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function startRunnerProcess(settings: RunnerProcessSettings): RunnerProcess {
  const script = path.join(__dirname, 'run-query.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      FAULT_BROKERS: settings.brokers.join(','),
      FAULT_REDIS: settings.redisUrl,
      FAULT_SERVICE_ID: settings.serviceId,
      FAULT_SOURCE: settings.source,
      FAULT_SINK: settings.sink,
      FAULT_KEY_PREFIX: settings.keyPrefix,
      FAULT_GUARANTEE: settings.guarantee,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: RunnerProcess['events'] = [];
  let stderr = '';
  let onAssigned: () => void = () => undefined;
  let onExit: (error: Error) => void = () => undefined;
  const assigned = new Promise<void>((resolve, reject) => {
    onAssigned = resolve;
    onExit = reject;
  });
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const event = JSON.parse(line) as RunnerProcess['events'][number];
      events.push(event);
      if (event.kind === 'TasksAssigned') onAssigned();
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => onExit(new Error(`runner exited (${String(code)}): ${stderr}`)));
  return {
    events,
    assigned,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
