import { kafkaService } from './kafka-service';
import type { Progress } from './maven-fetch';
import { postgresService } from './postgres-service';
import { pidAlive } from './process-utils';
import { redisService } from './redis-service';
import { registryService } from './registry-service';
import { readStarted, writeStarted } from './started-record';
import { stackConfig, type StackConfig } from './stack-config';
import type { StackService } from './stack-service';

/** Start order: storage first, then the broker, then the registry. */
export const STACK_SERVICES: readonly StackService[] = [
  postgresService,
  redisService,
  kafkaService,
  registryService,
];

export interface ServiceStatus {
  readonly name: string;
  readonly address: string;
  /** `pid N` when this stack started it, `external` when something else runs it, `-` when down. */
  readonly process: string;
  readonly answers: boolean;
}

/** Brings every service up (idempotent) and waits until each answers. Returns what it started. */
export async function stackUp(
  progress: Progress,
  config: StackConfig = stackConfig(),
  services: readonly StackService[] = STACK_SERVICES,
): Promise<string[]> {
  const started = readStarted(config.stateDir);
  const newlyStarted: string[] = [];
  for (const service of services) {
    const outcome = await service.up({ config, progress });
    if (outcome.kind === 'started') {
      started[service.name] = { pid: outcome.pid };
      newlyStarted.push(service.name);
      writeStarted(config.stateDir, started);
    }
  }
  return newlyStarted;
}

/** Stops what `stackUp` started, in reverse order, and nothing else. */
export async function stackDown(
  progress: Progress,
  config: StackConfig = stackConfig(),
  services: readonly StackService[] = STACK_SERVICES,
): Promise<string[]> {
  const started = readStarted(config.stateDir);
  const stopped: string[] = [];
  for (const service of [...services].reverse()) {
    const entry = started[service.name];
    if (entry === undefined) continue;
    progress(`stopping ${service.name}`);
    await service.down({ config, progress }, entry.pid);
    delete started[service.name];
    writeStarted(config.stateDir, started);
    stopped.push(service.name);
  }
  return stopped;
}

export async function stackStatus(config: StackConfig = stackConfig()): Promise<ServiceStatus[]> {
  const started = readStarted(config.stateDir);
  return Promise.all(
    STACK_SERVICES.map(async (service) => {
      const answers = await service.answers(config);
      const pid = started[service.name]?.pid ?? null;
      const ours = started[service.name] !== undefined && (pid === null || pidAlive(pid));
      const process = ours
        ? pid === null
          ? 'started by brook'
          : `pid ${pid}`
        : answers
          ? 'external'
          : '-';
      return { name: service.name, address: service.address(config), process, answers };
    }),
  );
}

/** True when every service answers. */
export async function stackReachable(config: StackConfig = stackConfig()): Promise<boolean> {
  const answers = await Promise.all(STACK_SERVICES.map((s) => s.answers(config)));
  return answers.every(Boolean);
}
