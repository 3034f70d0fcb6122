import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from '../../support/services';

/**
 * A Kafka broker of its own (KRaft, one node) on ports 19092/19093 with its own data directory,
 * from the jars `brook stack up` cached, so a test can stop and restart it without disturbing
 * the tests that share the stack's broker.
 */
export interface DedicatedBroker {
  readonly brokers: readonly string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

const HOST = '127.0.0.1';
const PORT = 19092;
const CONTROLLER_PORT = 19093;

export function dedicatedBroker(): DedicatedBroker {
  const home = path.join(os.homedir(), '.cache', 'brook', 'kafka_2.13-3.9.2');
  const dir = path.join(os.tmpdir(), `brook-fault-broker-${process.pid}`);
  const dataDir = path.join(dir, 'data');
  const properties = path.join(dir, 'server.properties');
  const log4j = path.join(dir, 'log4j.properties');
  const java = ['-cp', `${path.join(home, 'libs')}/*`, `-Dlog4j.configuration=file:${log4j}`];
  let child: ChildProcess | null = null;

  const prepare = (): void => {
    if (existsSync(path.join(dataDir, 'meta.properties'))) return;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(properties, serverProperties(dataDir));
    writeFileSync(
      log4j,
      `log4j.rootLogger=WARN, file\nlog4j.appender.file=org.apache.log4j.FileAppender\nlog4j.appender.file.File=${path.join(dir, 'server.log')}\nlog4j.appender.file.layout=org.apache.log4j.PatternLayout\nlog4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n\n`,
    );
    const format = spawnSync(
      'java',
      [
        ...java,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        'brookFaultBrokerClstr',
        '-c',
        properties,
      ],
      { encoding: 'utf8' },
    );
    if (format.status !== 0) throw new Error(`formatting storage failed: ${format.stderr}`);
  };

  return {
    brokers: [`${HOST}:${PORT}`],
    async start() {
      prepare();
      const stdout = path.join(dir, 'stdout.log');
      child = spawn('java', ['-Xms128m', '-Xmx512m', ...java, 'kafka.Kafka', properties], {
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      const started = child;
      let exited = false;
      started.once('exit', () => (exited = true));
      await eventually(
        'the dedicated broker to listen',
        async () => {
          if (exited)
            throw new Error(`dedicated broker exited; see ${stdout} and ${dir}/server.log`);
          return (await answers(PORT)) ? true : undefined;
        },
        120_000,
        250,
      );
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
    async destroy() {
      await this.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function serverProperties(dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${CONTROLLER_PORT}`,
    `listeners=PLAINTEXT://${HOST}:${PORT},CONTROLLER://${HOST}:${CONTROLLER_PORT}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${PORT}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'min.insync.replicas=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/** For diagnosing a failed start. */
export function brokerLog(): string {
  const file = path.join(os.tmpdir(), `brook-fault-broker-${process.pid}`, 'server.log');
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-4000) : '';
}
