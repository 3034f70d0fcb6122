import { readdirSync } from 'node:fs';
import { portAnswers, run, waitFor } from './process-utils';
import type { StackConfig } from './stack-config';
import type { StackContext, StackService, UpOutcome } from './stack-service';

/**
 * The machine's PostgreSQL, started through pg_ctlcluster when it is down, and switched to
 * `wal_level=logical` (ALTER SYSTEM plus a restart) because the CDC source needs it.
 */
export const postgresService: StackService = {
  name: 'postgres',
  address: (c) => `${c.host}:${c.postgresPort}`,
  answers: async (c) => (await portAnswers(c.host, c.postgresPort)) && query(c, 'select 1') === '1',

  async up({ config, progress }): Promise<UpOutcome> {
    let outcome: UpOutcome = { kind: 'already-running' };
    if (!(await waitForAnswer(this, config, 5_000))) {
      progress('starting PostgreSQL');
      cluster('start');
      await waitFor('PostgreSQL to answer', () => this.answers(config), 60_000);
      outcome = { kind: 'started', pid: null };
    }
    if (query(config, 'show wal_level') !== 'logical') {
      progress('switching PostgreSQL to wal_level=logical (restart)');
      for (const setting of [
        "wal_level = 'logical'",
        'max_replication_slots = 20',
        'max_wal_senders = 20',
      ]) {
        query(config, `alter system set ${setting}`);
      }
      cluster('restart');
      await waitFor('PostgreSQL to answer after the restart', () => this.answers(config), 60_000);
      if (query(config, 'show wal_level') !== 'logical')
        throw new Error('PostgreSQL did not switch to wal_level=logical');
    }
    return outcome;
  },

  down(_ctx: StackContext): Promise<void> {
    cluster('stop');
    return Promise.resolve();
  },
};

function query(c: StackConfig, sql: string): string | null {
  const res = run('psql', [
    '-h',
    c.host,
    '-p',
    String(c.postgresPort),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-tAc',
    sql,
  ]);
  return res.status === 0 ? res.stdout.trim() : null;
}

function cluster(action: 'start' | 'restart' | 'stop'): void {
  const versions = readdirSync('/etc/postgresql');
  const version = versions.sort().at(-1);
  if (version === undefined) throw new Error('no PostgreSQL cluster under /etc/postgresql');
  const res = run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action]);
  // Another process (a test restarting Postgres) may have started it since we looked.
  if (action === 'start' && /already running/i.test(`${res.stderr}${res.stdout}`)) return;
  if (res.status !== 0)
    throw new Error(`pg_ctlcluster ${version} main ${action} failed: ${res.stderr || res.stdout}`);
}

/** A Postgres that is restarting answers again within seconds: wait briefly before starting one. */
async function waitForAnswer(
  service: StackService,
  config: StackConfig,
  ms: number,
): Promise<boolean> {
  try {
    await waitFor('PostgreSQL', () => service.answers(config), ms);
    return true;
  } catch {
    return false;
  }
}
