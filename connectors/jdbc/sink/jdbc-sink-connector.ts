import { parseConfig } from '../../config';
import type { ConnectorContext } from '../../plugins/connector-context';
import type { SinkConnector, SinkConnectorPlugin } from '../../plugins/sink-connector';
import type { Props } from '../../plugins/source-connector';
import type { SqlPoolFactory } from '../sql-client';
import { JDBC_VERSION } from '../source/jdbc-source-config';
import { JDBC_SINK_CLASS, jdbcSinkConfigDef } from './jdbc-sink-config';
import { JdbcSinkTask } from './jdbc-sink-task';

function crossKeyErrors(props: Props): Record<string, string[]> {
  const config = parseConfig(jdbcSinkConfigDef, props);
  const errors: Record<string, string[]> = {};
  const pkMode = config.string('pk.mode');
  const mode = config.string('insert.mode').toLowerCase();
  if (config.bool('delete.enabled') && pkMode !== 'record_key') {
    errors['delete.enabled'] = ['Deletes are only supported for pk.mode record_key'];
  }
  if ((mode === 'upsert' || mode === 'update') && pkMode === 'none') {
    errors['pk.mode'] = [
      `Write mode ${mode} requires a primary key: set pk.mode to kafka, record_key or record_value`,
    ];
  }
  return errors;
}

export class JdbcSinkConnector implements SinkConnector {
  private props: Props = {};

  constructor(private readonly sqlPool: SqlPoolFactory) {}

  async validate(props: Props): Promise<Readonly<Record<string, readonly string[]>>> {
    const errors = crossKeyErrors(props);
    if (Object.keys(errors).length > 0) return errors;
    const config = parseConfig(jdbcSinkConfigDef, props);
    const pool = this.sqlPool({
      url: config.string('connection.url'),
      user: config.optionalString('connection.user'),
      password: config.optionalString('connection.password'),
      maxConnections: 1,
    });
    try {
      await pool.query('SELECT 1');
      return {};
    } catch (error) {
      return {
        'connection.url': [
          `Could not connect to ${config.string('connection.url')}: ${error instanceof Error ? error.message : String(error)}`,
        ],
      };
    } finally {
      await pool.end();
    }
  }

  start(props: Props, _context: ConnectorContext): Promise<void> {
    this.props = props;
    return Promise.resolve();
  }

  /** Every task gets the same config; the consumer group spreads partitions among them. */
  taskConfigs(maxTasks: number): Promise<readonly Props[]> {
    return Promise.resolve(Array.from({ length: maxTasks }, () => ({ ...this.props })));
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }
}

export function jdbcSinkPlugin(sqlPool: SqlPoolFactory): SinkConnectorPlugin {
  return {
    kind: 'sink',
    className: JDBC_SINK_CLASS,
    version: JDBC_VERSION,
    configDef: jdbcSinkConfigDef,
    createConnector: () => new JdbcSinkConnector(sqlPool),
    createTask: () => new JdbcSinkTask(sqlPool),
  };
}
