import type { Logger } from 'pino';
import {
  allErrors,
  invalidConfig,
  normaliseProps,
  type ConfigInfos,
  type ParsedConfig,
} from '../config';
import { AlreadyExistsError, BadRequestError, NotFoundError, StateConflictError } from '../errors';
import type { ErrorPolicyFactory } from '../plugins/error-policy';
import {
  findConnectorPlugin,
  requireConnectorPlugin,
  type ConnectorPlugin,
  type PluginRegistry,
} from '../plugins/plugin-registry';
import type { Props, SourceOffset, SourcePartition } from '../plugins/source-connector';
import type { ConnectorType, LifecycleEvent, TargetState } from './connect-state';
import { validateConnectorConfig } from './connector-validation';
import { ConnectorInstance } from './connector-instance';
import type { KafkaPort } from './kafka-port';
import { StateStore } from './state-store';
import { tolerancePolicy } from './tolerance-policy';
import { sinkGroupId } from './worker-sink-task';
import type { TaskDeps } from './worker-task';
import {
  connectorStatus,
  taskStatus,
  type ConnectorInfo,
  type ConnectorStatus,
  type TaskInfo,
  type TaskStatus,
} from './worker-views';
import { sinkOffsets, type OffsetEntry } from './worker-offsets';

export interface WorkerOptions {
  readonly kafka: KafkaPort;
  readonly plugins: PluginRegistry;
  readonly config: ParsedConfig;
  readonly logger: Logger;
  readonly errorPolicy?: ErrorPolicyFactory;
  readonly clock?: () => number;
  readonly onEvent?: (event: LifecycleEvent) => void;
}

/**
 * A standalone Connect worker whose state lives in Kafka: it reloads connectors, target states
 * and source offsets from the internal topics at `start`, and writes every change there first.
 * One worker per `group.id` (no rebalancing between workers).
 */
export class Worker {
  private readonly store: StateStore;
  private readonly instances = new Map<string, ConnectorInstance>();
  private readonly deps: TaskDeps;
  readonly workerId: string;

  constructor(private readonly options: WorkerOptions) {
    const c = options.config;
    this.workerId = `${c.string('rest.advertised.host.name')}:${c.int('rest.port')}`;
    this.store = new StateStore(
      options.kafka,
      {
        configs: c.string('config.storage.topic'),
        offsets: c.string('offset.storage.topic'),
        status: c.string('status.storage.topic'),
        replicationFactor: c.int('replication.factor'),
      },
      this.workerId,
      // Per worker: two workers sharing a reader group would split the partitions between them.
      `${c.string('group.id')}-state-reader-${this.workerId}`,
    );
    this.deps = {
      kafka: options.kafka,
      store: this.store,
      plugins: options.plugins,
      worker: c,
      logger: options.logger,
      errorPolicy: options.errorPolicy ?? tolerancePolicy,
      clock: options.clock ?? Date.now,
      onEvent: options.onEvent ?? (() => undefined),
    };
  }

  get plugins(): PluginRegistry {
    return this.options.plugins;
  }

  async start(): Promise<void> {
    await this.store.load();
    for (const [name, stored] of this.store.storedConnectors()) {
      const plugin = findConnectorPlugin(
        this.options.plugins,
        stored.props['connector.class'] ?? '',
      );
      if (plugin === undefined) {
        const fields = { connector: name, class: stored.props['connector.class'] };
        this.options.logger.error(
          fields,
          'stored connector has no plugin on this worker; not started',
        );
        continue;
      }
      const instance = new ConnectorInstance(name, stored.props, plugin, stored.target, this.deps);
      this.instances.set(name, instance);
      await instance.start();
    }
    this.options.logger.info(
      { connectors: this.instances.size, workerId: this.workerId },
      'connect worker started',
    );
  }

  async stop(): Promise<void> {
    await Promise.all([...this.instances.values()].map((i) => i.stop()));
    this.instances.clear();
    await this.store.close();
  }

  connectorNames(): string[] {
    return [...this.instances.keys()].sort();
  }

  validate(className: string, rawProps: Readonly<Record<string, unknown>>): Promise<ConfigInfos> {
    return validateConnectorConfig(this.options.plugins, className, normaliseProps(rawProps));
  }

  /** Creates or (when `allowReplace`) reconfigures; answers whether it was created. */
  async putConnector(
    name: string,
    rawProps: Readonly<Record<string, unknown>>,
    allowReplace: boolean,
    initialState: TargetState = 'STARTED',
  ): Promise<{ created: boolean; info: ConnectorInfo }> {
    const props: Record<string, string> = { ...normaliseProps(rawProps), name };
    const existing = this.instances.get(name);
    if (existing !== undefined && !allowReplace)
      throw new AlreadyExistsError(`Connector ${name} already exists`);
    const className = props['connector.class'];
    if (className === undefined || className === '')
      throw new BadRequestError(
        `Connector config ${JSON.stringify(props)} contains no connector type`,
      );
    const plugin = requireConnectorPlugin(this.options.plugins, className);
    const errors = allErrors(await validateConnectorConfig(this.options.plugins, className, props));
    if (errors.length > 0) throw invalidConfig(errors);
    const target = existing?.targetState ?? initialState;
    await this.store.putConnector(name, props, target);
    if (existing !== undefined) await existing.stop();
    const instance = new ConnectorInstance(name, props, plugin, target, this.deps);
    this.instances.set(name, instance);
    await instance.start();
    return { created: existing === undefined, info: this.info(name) };
  }

  async deleteConnector(name: string): Promise<void> {
    const instance = this.instance(name);
    await instance.stop();
    this.instances.delete(name);
    await this.store.removeConnector(name);
    await this.store.resetActiveTopics(name);
  }

  info(name: string): ConnectorInfo {
    const i = this.instance(name);
    return {
      name,
      config: i.props,
      tasks: i.taskConfigs.map((_c, task) => ({ connector: name, task })),
      type: i.plugin.kind,
    };
  }

  config(name: string): Props {
    return this.instance(name).props;
  }

  status(name: string): ConnectorStatus {
    return connectorStatus(this.instance(name), this.workerId);
  }

  tasks(name: string): TaskInfo[] {
    const i = this.instance(name);
    return i.taskConfigs.map((config, task) => ({
      id: { connector: name, task },
      config: { ...i.props, ...config },
    }));
  }

  taskStatus(name: string, id: number): TaskStatus {
    const task = this.instance(name).tasks.find((t) => t.id === id);
    if (task === undefined) throw new NotFoundError(`Task ${name}-${id} not found`);
    return taskStatus(task, this.workerId);
  }

  async restart(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<void> {
    await this.instance(name).restart(includeTasks, onlyFailed);
  }

  async restartTask(name: string, id: number): Promise<void> {
    const instance = this.instance(name);
    if (!instance.tasks.some((t) => t.id === id))
      throw new NotFoundError(`Task ${name}-${id} not found`);
    await instance.restartTask(id);
  }

  async setTarget(name: string, target: TargetState): Promise<void> {
    const instance = this.instance(name);
    await this.store.putTarget(name, target);
    await instance.setTarget(target);
  }

  activeTopics(name: string): string[] {
    this.instance(name);
    return this.store.activeTopics(name);
  }

  async resetActiveTopics(name: string): Promise<void> {
    this.instance(name);
    await this.store.resetActiveTopics(name);
  }

  connectorType(name: string): ConnectorType {
    return this.instance(name).plugin.kind;
  }

  async offsets(name: string): Promise<OffsetEntry[]> {
    const instance = this.instance(name);
    if (instance.plugin.kind === 'sink')
      return sinkOffsets(await this.options.kafka.groupOffsets(sinkGroupId(name)));
    return this.store.allOffsets(name).map((e) => ({ partition: e.partition, offset: e.offset }));
  }

  /** PATCH (alter) or DELETE (reset, `entries` null) offsets of a STOPPED connector. */
  async changeOffsets(
    name: string,
    entries: readonly { partition: SourcePartition; offset: SourceOffset | null }[] | null,
  ): Promise<void> {
    const instance = this.instance(name);
    if (instance.targetState !== 'STOPPED') {
      throw new StateConflictError(
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    if (instance.plugin.kind === 'sink') {
      await this.changeSinkOffsets(name, entries);
      return;
    }
    const all =
      entries ?? this.store.allOffsets(name).map((e) => ({ partition: e.partition, offset: null }));
    await this.store.writeOffsets(name, all);
  }

  plugin(name: string): ConnectorPlugin {
    return this.instance(name).plugin;
  }

  private async changeSinkOffsets(
    name: string,
    entries: readonly { partition: SourcePartition; offset: SourceOffset | null }[] | null,
  ): Promise<void> {
    const group = sinkGroupId(name);
    if (entries === null) {
      await this.options.kafka.deleteGroup(group);
      return;
    }
    const offsets = entries.map((e) => {
      const topic = e.partition['kafka_topic'];
      const partition = e.partition['kafka_partition'];
      const offset = e.offset?.['kafka_offset'];
      if (
        typeof topic !== 'string' ||
        typeof partition !== 'number' ||
        (typeof offset !== 'number' && typeof offset !== 'string')
      ) {
        throw new BadRequestError(
          'Sink connector offsets need partition {"kafka_topic": string, "kafka_partition": int} and offset {"kafka_offset": long}',
        );
      }
      return { topic, partition, offset: BigInt(offset) };
    });
    await this.options.kafka.setGroupOffsets(group, offsets);
  }

  private instance(name: string): ConnectorInstance {
    const instance = this.instances.get(name);
    if (instance === undefined) throw new NotFoundError(`Connector ${name} not found`);
    return instance;
  }
}
