import { renderTable } from '../cli/render-table';
import { stackDown, stackStatus, stackUp } from './stack-manager';

export { stackConfig, registryUrl, type StackConfig } from './stack-config';
export {
  stackUp,
  stackDown,
  stackStatus,
  stackReachable,
  type ServiceStatus,
} from './stack-manager';

const say = (line: string): void => console.log(line);

/** `brook stack up|down|status`; returns the exit code. */
export async function runStackCommand(action: 'up' | 'down' | 'status'): Promise<number> {
  switch (action) {
    case 'up': {
      const started = await stackUp(say);
      say(
        started.length === 0
          ? 'stack already up: nothing to start'
          : `started: ${started.join(', ')}`,
      );
      return printStatus();
    }
    case 'down': {
      const stopped = await stackDown(say);
      say(
        stopped.length === 0
          ? 'nothing to stop: brook started none of the running services'
          : `stopped: ${stopped.join(', ')}`,
      );
      return 0;
    }
    case 'status':
      return printStatus();
  }
}

async function printStatus(): Promise<number> {
  const rows = await stackStatus();
  say(
    renderTable(
      ['Service', 'Address', 'Process', 'Answers'],
      rows.map((r) => [r.name, r.address, r.process, r.answers ? 'yes' : 'NO']),
    ),
  );
  return rows.every((r) => r.answers) ? 0 : 1;
}
