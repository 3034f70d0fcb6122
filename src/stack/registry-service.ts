import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyArtifactArgs, fetchOnce } from './maven-fetch';
import { stopProcess } from './kafka-service';
import { httpOk, pidAlive, run, spawnDetached, waitFor } from './process-utils';
import { registryUrl, type StackConfig } from './stack-config';
import type { StackContext, StackService, UpOutcome } from './stack-service';

/**
 * A Confluent-compatible schema registry: Apicurio Registry's Quarkus distribution from Maven
 * Central, in-memory storage, its Confluent API under `/apis/ccompat/v7`.
 */
export const registryService: StackService = {
  name: 'schema-registry',
  address: (c) => registryUrl(c),
  answers: (c) => httpOk(`${registryUrl(c)}/subjects`),

  async up({ config, progress }): Promise<UpOutcome> {
    if (await this.answers(config)) return { kind: 'already-running' };
    const home = join(config.cacheDir, `apicurio-registry-${config.registryVersion}`);
    const artifact = `io.apicurio:apicurio-registry-app:${config.registryVersion}:tar.gz:all`;
    const dist = join(home, 'dist');
    if (!existsSync(join(home, '.complete'))) {
      await fetchOnce(
        home,
        `Apicurio Registry ${config.registryVersion}`,
        copyArtifactArgs(artifact, home),
        progress,
      );
      mkdirSync(dist, { recursive: true });
      const archive = readdirSync(home).find((f) => f.endsWith('.tar.gz'));
      if (archive === undefined) throw new Error(`no registry archive in ${home}`);
      const untar = run('tar', ['xzf', join(home, archive), '-C', dist]);
      if (untar.status !== 0) throw new Error(`unpacking ${archive} failed: ${untar.stderr}`);
    }
    const runner = readdirSync(dist).find((f) => f.endsWith('-runner.jar'));
    if (runner === undefined)
      throw new Error(`no runner jar in ${dist}; remove ${home} and run again`);

    const dir = join(config.stateDir, 'registry');
    mkdirSync(dir, { recursive: true });
    const log = join(dir, 'registry.log');
    progress(`starting Apicurio Registry ${config.registryVersion} on ${this.address(config)}`);
    const pid = spawnDetached(
      'java',
      [
        '-Xmx384m',
        `-Dquarkus.http.port=${config.registryPort}`,
        `-Dquarkus.http.host=${config.host}`,
        '-jar',
        join(dist, runner),
      ],
      log,
      dist,
    );
    await waitFor(
      'the schema registry to answer',
      async () => {
        if (!pidAlive(pid)) throw new Error(`the registry exited during start-up; see ${log}`);
        return this.answers(config);
      },
      120_000,
    );
    return { kind: 'started', pid };
  },

  async down(_ctx: StackContext, pid: number | null): Promise<void> {
    if (pid !== null) await stopProcess(pid, 'the schema registry');
  },
};

export type { StackConfig };
