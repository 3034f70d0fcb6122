import { parseConfig, type ParsedConfig } from '../../config';
import type { ConnectorContext } from '../../plugins/connector-context';
import type { Props, SourceConnector, SourceConnectorPlugin } from '../../plugins/source-connector';
import { stackTrace } from '../../errors';
import { tableIdText } from '../dialect/identifiers';
import type { SqlPool, SqlPoolFactory } from '../sql-client';
import { JDBC_SOURCE_CLASS, JDBC_VERSION, jdbcSourceConfigDef } from './jdbc-source-config';
import { JdbcSourceTask } from './jdbc-source-task';
import { discoverTables, groupPartitions, type TableFilter } from './table-discovery';

function tableFilter(config: ParsedConfig): TableFilter {
  return {
    include: [...config.list('table.whitelist'), ...config.list('table.include.list')],
    exclude: [...config.list('table.blacklist'), ...config.list('table.exclude.list')],
    schemaPattern: config.optionalString('schema.pattern'),
    tableTypes: config.list('table.types'),
  };
}

/** Checks beyond the ConfigDef, with Confluent's wording. */
function crossKeyErrors(props: Props): Record<string, string[]> {
  const config = parseConfig(jdbcSourceConfigDef, props);
  const filter = tableFilter(config);
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] = [...(errors[key] ?? []), message]);
  if (filter.include.length > 0 && filter.exclude.length > 0) {
    add('table.whitelist', 'table.whitelist and table.blacklist are exclusive.');
    add('table.blacklist', 'table.whitelist and table.blacklist are exclusive.');
  }
  if (config.string('query') !== '' && (filter.include.length > 0 || filter.exclude.length > 0)) {
    add('query', 'Do not specify table filtering for query based modes.');
  }
  const mode = config.string('mode');
  if (mode.startsWith('timestamp') && config.list('timestamp.column.name').length === 0) {
    add(
      'timestamp.column.name',
      `Invalid value for configuration timestamp.column.name: a timestamp column is required in mode ${mode}`,
    );
  }
  return errors;
}

export class JdbcSourceConnector implements SourceConnector {
  private pool: SqlPool | undefined;
  private config: ParsedConfig | undefined;
  private tables: string[] = [];
  private monitor: NodeJS.Timeout | undefined;

  constructor(private readonly sqlPool: SqlPoolFactory) {}

  async validate(props: Props): Promise<Readonly<Record<string, readonly string[]>>> {
    const errors = crossKeyErrors(props);
    if (Object.keys(errors).length > 0) return errors;
    const pool = this.poolFor(parseConfig(jdbcSourceConfigDef, props));
    try {
      await pool.query('SELECT 1');
      return {};
    } catch (error) {
      return {
        'connection.url': [
          `Could not connect to ${props['connection.url'] ?? ''}: ${error instanceof Error ? error.message : String(error)}`,
        ],
      };
    } finally {
      await pool.end();
    }
  }

  async start(props: Props, context: ConnectorContext): Promise<void> {
    this.config = parseConfig(jdbcSourceConfigDef, props);
    if (this.config.string('query') !== '') return;
    this.pool = this.poolFor(this.config);
    this.tables = await this.listTables();
    if (this.tables.length === 0)
      context.logger.warn(
        { filter: tableFilter(this.config) },
        'no tables match the JDBC source table filter',
      );
    this.monitor = setInterval(() => {
      this.listTables()
        .then((tables) => {
          if (tables.join('\n') === this.tables.join('\n')) return;
          context.logger.info(
            { before: this.tables, after: tables },
            'table set changed, reconfiguring tasks',
          );
          this.tables = tables;
          context.requestTaskReconfiguration();
        })
        .catch((error: unknown) =>
          context.logger.warn({ err: stackTrace(error) }, 'table monitor query failed'),
        );
    }, this.config.int('table.poll.interval.ms'));
    this.monitor.unref();
  }

  taskConfigs(maxTasks: number): Promise<readonly Props[]> {
    const props = this.config!.props;
    if (this.config!.string('query') !== '') return Promise.resolve([{ ...props }]);
    if (this.tables.length === 0) return Promise.resolve([]);
    return Promise.resolve(
      groupPartitions(this.tables, maxTasks).map((group) => ({
        ...props,
        tables: JSON.stringify(group),
      })),
    );
  }

  async stop(): Promise<void> {
    if (this.monitor !== undefined) clearInterval(this.monitor);
    await this.pool?.end();
    this.pool = undefined;
  }

  private async listTables(): Promise<string[]> {
    return (await discoverTables(this.pool!, tableFilter(this.config!))).map(tableIdText);
  }

  private poolFor(config: ParsedConfig): SqlPool {
    return this.sqlPool({
      url: config.string('connection.url'),
      user: config.optionalString('connection.user'),
      password: config.optionalString('connection.password'),
      maxConnections: 1,
    });
  }
}

export function jdbcSourcePlugin(sqlPool: SqlPoolFactory): SourceConnectorPlugin {
  return {
    kind: 'source',
    className: JDBC_SOURCE_CLASS,
    version: JDBC_VERSION,
    configDef: jdbcSourceConfigDef,
    createConnector: () => new JdbcSourceConnector(sqlPool),
    createTask: () => new JdbcSourceTask(sqlPool),
  };
}
