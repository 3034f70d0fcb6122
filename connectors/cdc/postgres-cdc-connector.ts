import type { ConnectorContext } from '../plugins/connector-context';
import type { Props, SourceConnector, SourceConnectorPlugin } from '../plugins/source-connector';
import type { SqlPoolFactory } from '../jdbc/sql-client';
import { cdcSettings, crossKeyErrors } from './cdc-settings';
import {
  POSTGRES_CDC_CLASS,
  POSTGRES_CDC_VERSION,
  postgresCdcConfigDef,
} from './postgres-cdc-config';
import { PostgresCdcTask, type PostgresCdcDeps } from './postgres-cdc-task';

/** One slot is one ordered stream, so the connector always runs a single task, as Debezium does. */
export class PostgresCdcConnector implements SourceConnector {
  private props: Props = {};

  constructor(private readonly deps: PostgresCdcDeps) {}

  async validate(props: Props): Promise<Readonly<Record<string, readonly string[]>>> {
    const own = crossKeyErrors(props);
    if (Object.keys(own).length > 0) return own;
    const s = cdcSettings(props);
    const pool = this.deps.sqlPool(s.sql);
    try {
      const r = await pool.query("SELECT current_setting('wal_level') AS wal_level");
      const level = typeof r.rows[0]?.['wal_level'] === 'string' ? r.rows[0]['wal_level'] : '';
      return level === 'logical'
        ? {}
        : {
            'database.hostname': [
              `Postgres wal_level is ${level}; logical decoding needs wal_level=logical`,
            ],
          };
    } catch (error) {
      return {
        'database.hostname': [
          `Unable to connect to ${s.replication.host}:${s.replication.port}: ${error instanceof Error ? error.message : String(error)}`,
        ],
      };
    } finally {
      await pool.end();
    }
  }

  start(props: Props, _context: ConnectorContext): Promise<void> {
    cdcSettings(props);
    this.props = props;
    return Promise.resolve();
  }

  taskConfigs(_maxTasks: number): Promise<readonly Props[]> {
    return Promise.resolve([{ ...this.props }]);
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }
}

export function postgresCdcPlugin(deps: {
  readonly sqlPool: SqlPoolFactory;
  readonly replication: PostgresCdcDeps['replication'];
}): SourceConnectorPlugin {
  return {
    kind: 'source',
    className: POSTGRES_CDC_CLASS,
    version: POSTGRES_CDC_VERSION,
    configDef: postgresCdcConfigDef,
    createConnector: () => new PostgresCdcConnector(deps),
    createTask: () => new PostgresCdcTask(deps),
  };
}
