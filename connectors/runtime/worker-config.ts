import { configDef, oneOf, parseConfig, type ParsedConfig } from '../config';
import { AVRO_CONVERTER } from '../converters/avro-converter';
import { STRING_CONVERTER } from '../converters/primitive-converters';

/** The worker's own settings (Connect's distributed worker properties that apply here). */
export const workerConfigDef = configDef([
  {
    name: 'bootstrap.servers',
    type: 'LIST',
    defaultValue: ['127.0.0.1:9092'],
    importance: 'HIGH',
    documentation: 'Kafka brokers the worker connects to.',
  },
  {
    name: 'group.id',
    type: 'STRING',
    defaultValue: 'connect-cluster',
    importance: 'HIGH',
    documentation:
      "Identifies the Connect cluster; prefixes the worker's internal consumer groups.",
  },
  {
    name: 'config.storage.topic',
    type: 'STRING',
    defaultValue: 'connect-configs',
    importance: 'HIGH',
    documentation: 'Compacted topic holding connector configs and target states.',
  },
  {
    name: 'offset.storage.topic',
    type: 'STRING',
    defaultValue: 'connect-offsets',
    importance: 'HIGH',
    documentation: 'Compacted topic holding source connector offsets.',
  },
  {
    name: 'status.storage.topic',
    type: 'STRING',
    defaultValue: 'connect-status',
    importance: 'HIGH',
    documentation: 'Compacted topic holding connector and task statuses and active topics.',
  },
  {
    name: 'replication.factor',
    type: 'INT',
    defaultValue: -1,
    importance: 'LOW',
    documentation:
      'Replication factor of the internal topics and of topics the worker creates; -1 uses the broker default.',
  },
  {
    name: 'key.converter',
    type: 'CLASS',
    defaultValue: STRING_CONVERTER,
    importance: 'HIGH',
    documentation: 'Default converter for record keys.',
  },
  {
    name: 'value.converter',
    type: 'CLASS',
    defaultValue: AVRO_CONVERTER,
    importance: 'HIGH',
    documentation: 'Default converter for record values.',
  },
  {
    name: 'value.converter.schema.registry.url',
    type: 'STRING',
    defaultValue: 'http://127.0.0.1:8081/apis/ccompat/v7',
    importance: 'HIGH',
    documentation: 'Schema registry of the default Avro value converter.',
  },
  {
    name: 'key.converter.schema.registry.url',
    type: 'STRING',
    defaultValue: 'http://127.0.0.1:8081/apis/ccompat/v7',
    importance: 'LOW',
    documentation: 'Schema registry used when keys are Avro.',
  },
  {
    name: 'exactly.once.source.support',
    type: 'STRING',
    defaultValue: 'disabled',
    importance: 'HIGH',
    documentation:
      "enabled: source tasks write each poll's records and offsets in one Kafka transaction (needs a broker with transactions); disabled: at least once.",
    validator: oneOf('disabled', 'preparing', 'enabled'),
  },
  {
    name: 'topic.creation.default.partitions',
    type: 'INT',
    defaultValue: 1,
    importance: 'LOW',
    documentation: 'Partitions of topics a source connector writes to that do not exist yet.',
  },
  {
    name: 'rest.port',
    type: 'INT',
    defaultValue: 8083,
    importance: 'LOW',
    documentation: 'Port of the Connect REST API.',
  },
  {
    name: 'rest.advertised.host.name',
    type: 'STRING',
    defaultValue: '127.0.0.1',
    importance: 'LOW',
    documentation: 'Host name reported as worker_id in statuses.',
  },
]);

export function workerConfig(props: Readonly<Record<string, string>> = {}): ParsedConfig {
  return parseConfig(workerConfigDef, props);
}
