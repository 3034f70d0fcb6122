import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDependenciesArgs, fetchOnce } from './maven-fetch';
import { pidAlive, portAnswers, run, spawnDetached, waitFor } from './process-utils';
import type { StackConfig } from './stack-config';
import type { StackContext, StackService, UpOutcome } from './stack-service';

/** A fixed id: the storage is formatted once and must match it on every start. */
const CLUSTER_ID = 'YnJvb2stbG9jYWwtc3RhY2s';

/** Apache Kafka in KRaft mode, one combined broker+controller node, from Maven Central jars. */
export const kafkaService: StackService = {
  name: 'kafka',
  address: (c) => `${c.host}:${c.kafkaPort}`,
  answers: (c) => portAnswers(c.host, c.kafkaPort),

  async up({ config, progress }): Promise<UpOutcome> {
    if (await this.answers(config)) return { kind: 'already-running' };
    const home = join(config.cacheDir, `kafka_${config.scalaVersion}-${config.kafkaVersion}`);
    await fetchOnce(
      home,
      `Apache Kafka ${config.kafkaVersion}`,
      copyDependenciesArgs(join(home, 'libs')),
      progress,
      kafkaPom(config),
    );

    const dir = join(config.stateDir, 'kafka');
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const properties = join(dir, 'server.properties');
    const log4j = join(dir, 'log4j.properties');
    const serverLog = join(dir, 'server.log');
    writeFileSync(properties, serverProperties(config, dataDir));
    writeFileSync(log4j, log4jProperties(serverLog));
    const java = ['-cp', `${join(home, 'libs')}/*`, `-Dlog4j.configuration=file:${log4j}`];

    if (!existsSync(join(dataDir, 'meta.properties'))) {
      progress('formatting Kafka storage (first start)');
      const format = run('java', [
        ...java,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        CLUSTER_ID,
        '-c',
        properties,
      ]);
      if (format.status !== 0)
        throw new Error(`formatting Kafka storage failed: ${format.stderr || format.stdout}`);
    }
    const logOffset = existsSync(serverLog) ? readFileSync(serverLog).length : 0;
    progress(`starting Kafka ${config.kafkaVersion} on ${this.address(config)}`);
    const pid = spawnDetached(
      'java',
      ['-Xms256m', '-Xmx768m', ...java, 'kafka.Kafka', properties],
      join(dir, 'stdout.log'),
    );
    await waitFor(
      'Kafka to start',
      () => {
        if (!pidAlive(pid))
          throw new Error(
            `Kafka exited during start-up; see ${join(dir, 'stdout.log')} and ${serverLog}`,
          );
        return Promise.resolve(
          readFileSync(serverLog).subarray(logOffset).includes('Kafka Server started'),
        );
      },
      120_000,
    );
    return { kind: 'started', pid };
  },

  async down(_ctx: StackContext, pid: number | null): Promise<void> {
    if (pid !== null) await stopProcess(pid, 'Kafka');
  },
};

/** SIGTERM, then waits for a clean shutdown; SIGKILL if it does not come. */
export async function stopProcess(pid: number, what: string): Promise<void> {
  if (!pidAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(`${what} to stop`, () => Promise.resolve(!pidAlive(pid)), 60_000);
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}

function kafkaPom(config: StackConfig): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.brook.stack</groupId><artifactId>kafka</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_${config.scalaVersion}</artifactId><version>${config.kafkaVersion}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
`;
}

function serverProperties(c: StackConfig, dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${c.host}:${c.kafkaControllerPort}`,
    `listeners=PLAINTEXT://${c.host}:${c.kafkaPort},CONTROLLER://${c.host}:${c.kafkaControllerPort}`,
    `advertised.listeners=PLAINTEXT://${c.host}:${c.kafkaPort}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=1',
    // A one-node broker: internal topics need replication factor 1, or transactions fail.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=10',
    'min.insync.replicas=1',
    // Consumer groups start at once instead of waiting for more members.
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    'delete.topic.enable=true',
    'log.retention.hours=24',
    '',
  ].join('\n');
}

function log4jProperties(file: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${file}`,
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka=INFO',
    'log4j.logger.org.apache.kafka=INFO',
    '',
  ].join('\n');
}
