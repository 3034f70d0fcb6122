import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One connector as users POST it to `/connectors`. */
export interface ConnectorDefinition {
  readonly name: string;
  readonly config: Readonly<Record<string, string>>;
}

/** One SQL file of the pipeline, run as one `/ksql` request. */
export interface SqlFile {
  readonly name: string;
  readonly text: string;
}

/** A Postgres gold table the JDBC sink fills, with its primary key columns. */
export interface GoldTable {
  readonly table: string;
  readonly topic: string;
  readonly keyColumns: readonly string[];
}

/**
 * Where one run of the pipeline lives. The defaults are the files' own names; tests and
 * parallel demos pick a prefix and schemas so they share nothing with other runs.
 */
export interface PipelineNamespace {
  /** Prepended to every topic the pipeline reads or writes. */
  readonly topicPrefix: string;
  /** Postgres schema of the OLTP tables (customers, orders, payments). */
  readonly oltpSchema: string;
  /** Postgres schema of the gold tables. */
  readonly goldSchema: string;
  /** Prepended to connector names and to the replication slot and publication. */
  readonly connectorPrefix: string;
  /** `postgres://user[:password]@host:port/db`. */
  readonly postgresUrl: string;
  readonly schemaRegistryUrl: string;
}

export interface MedallionPipeline {
  readonly connectors: readonly ConnectorDefinition[];
  /** In run order; `00-variables.sql` is left out: its values are `variables`. */
  readonly sqlFiles: readonly SqlFile[];
  readonly variables: Readonly<Record<string, string>>;
  readonly goldTables: readonly GoldTable[];
}

/** `pipelines/medallion` from the repository root. */
export const MEDALLION_DIR = join(__dirname, '..', '..', 'pipelines', 'medallion');

/** Loads the connector configs and SQL files, adjusted to `ns`. */
export function loadMedallionPipeline(
  ns: PipelineNamespace,
  dir: string = MEDALLION_DIR,
): MedallionPipeline {
  const files = (sub: string, ext: string): string[] =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith(ext))
      .sort();
  const connectors = files('connectors', '.json').map((f) =>
    adjustConnector(parseConnector(readFileSync(join(dir, 'connectors', f), 'utf8')), ns),
  );
  const sqlFiles = files('sql', '.sql')
    .filter((f) => !f.startsWith('00-'))
    .map((name) => ({ name, text: readFileSync(join(dir, 'sql', name), 'utf8') }));
  const goldTables = connectors
    .filter((c) => c.config['connector.class'] === JDBC_SINK)
    .map((c) => ({
      table: c.config['table.name.format'] ?? '',
      topic: c.config.topics ?? '',
      keyColumns: (c.config['pk.fields'] ?? '').split(',').filter((k) => k !== ''),
    }));
  return { connectors, sqlFiles, variables: pipelineVariables(ns), goldTables };
}

export function pipelineVariables(ns: PipelineNamespace): Record<string, string> {
  return {
    topic_prefix: ns.topicPrefix,
    cdc_topic_prefix: `${cdcTopicPrefix(ns)}.${ns.oltpSchema}`,
    jdbc_topic_prefix: `${ns.topicPrefix}psg-`,
  };
}

const JDBC_SOURCE = 'io.confluent.connect.jdbc.JdbcSourceConnector';
const JDBC_SINK = 'io.confluent.connect.jdbc.JdbcSinkConnector';
const CDC_SOURCE = 'io.debezium.connector.postgresql.PostgresConnector';

function cdcTopicPrefix(ns: PipelineNamespace): string {
  return `${ns.topicPrefix}oltp`;
}

function parseConnector(text: string): ConnectorDefinition {
  const parsed = JSON.parse(text) as { name: string; config: Record<string, unknown> };
  const config = Object.fromEntries(Object.entries(parsed.config).map(([k, v]) => [k, String(v)]));
  return { name: parsed.name, config };
}

/** Points a config at the namespace's database, schemas and topics; keeps everything else. */
function adjustConnector(c: ConnectorDefinition, ns: PipelineNamespace): ConnectorDefinition {
  const db = new URL(ns.postgresUrl);
  const jdbcUrl = `jdbc:postgresql://${db.hostname}:${db.port || '5432'}${db.pathname}`;
  const user = decodeURIComponent(db.username) || 'postgres';
  const password = decodeURIComponent(db.password);
  const config: Record<string, string> = { ...c.config };
  const className = config['connector.class'];
  const inOltp = (list: string): string =>
    list
      .split(',')
      .map((t) => `${ns.oltpSchema}.${t.trim().replace(/^public\./, '')}`)
      .join(',');
  if (className === JDBC_SOURCE || className === JDBC_SINK) {
    Object.assign(config, { 'connection.url': jdbcUrl, 'connection.user': user });
    Object.assign(config, { 'connection.password': password });
  }
  if (className === JDBC_SOURCE) {
    config['table.whitelist'] = inOltp(config['table.whitelist'] ?? '');
    config['topic.prefix'] = `${ns.topicPrefix}${config['topic.prefix'] ?? ''}`;
  }
  if (className === CDC_SOURCE) {
    Object.assign(config, {
      'database.hostname': db.hostname,
      'database.port': db.port || '5432',
      'database.user': user,
      'database.password': password,
      'database.dbname': db.pathname.replace(/^\//, '') || 'postgres',
      'topic.prefix': cdcTopicPrefix(ns),
      'table.include.list': inOltp(config['table.include.list'] ?? ''),
      'slot.name': slotName(`${ns.connectorPrefix}${config['slot.name'] ?? 'debezium'}`),
      'publication.name': slotName(`${ns.connectorPrefix}${config['publication.name'] ?? 'dbz'}`),
    });
  }
  if (className === JDBC_SINK) {
    config.topics = (config.topics ?? '')
      .split(',')
      .map((t) => `${ns.topicPrefix}${t.trim()}`)
      .join(',');
    config['table.name.format'] = (config['table.name.format'] ?? '').replace(
      /^gold\./,
      `${ns.goldSchema}.`,
    );
  }
  for (const key of Object.keys(config))
    if (key.endsWith('schema.registry.url')) config[key] = ns.schemaRegistryUrl;
  return { name: `${ns.connectorPrefix}${c.name}`, config };
}

/** Replication slot names: lower case letters, digits and underscores, at most 63. */
function slotName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}
