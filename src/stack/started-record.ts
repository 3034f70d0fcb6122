import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The services `brook stack up` started, so `down` stops those and nothing else. */
export type StartedRecord = Record<string, { readonly pid: number | null }>;

const file = (stateDir: string): string => join(stateDir, 'started.json');

export function readStarted(stateDir: string): StartedRecord {
  if (!existsSync(file(stateDir))) return {};
  return JSON.parse(readFileSync(file(stateDir), 'utf8')) as StartedRecord;
}

export function writeStarted(stateDir: string, record: StartedRecord): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file(stateDir), JSON.stringify(record, null, 2));
}
