import { type CreateConnector, type DescribeConnector, type DropConnector } from '../core/sql-ast';
import { EngineError, ErrorCodes, type KsqlEntity } from '../engine-port';
import type { EngineInternals, StatementRun } from '../core/engine-internals';
import { rejected } from '../core/statement-errors';
import { ConnectPortError, type ConnectPort } from '../ports';

export function requireConnect(engine: EngineInternals): ConnectPort {
  if (!engine.connect) {
    throw new EngineError(ErrorCodes.badStatement, 'No Kafka Connect runtime is configured for this server.');
  }
  return engine.connect;
}

/** CREATE SOURCE|SINK CONNECTOR: the WITH keys are Connect config keys, case kept. */
export async function executeCreateConnector(run: StatementRun<CreateConnector>): Promise<KsqlEntity> {
  const { statement, engine, text } = run;
  const connect = requireConnect(engine);
  const name = statement.name.text;
  const config = Object.fromEntries(statement.properties.map((p) => [p.rawKey, propertyText(p.value)]));
  if (statement.ifNotExists && (await connect.describe(name))) {
    return { statementText: text, warnings: [], '@type': 'warning_entity', message: `Connector ${name} already exists` };
  }
  try {
    const created = await connect.create(name, config);
    return {
      statementText: text,
      warnings: [],
      '@type': 'connector_info',
      info: {
        name: created.name,
        config: created.config,
        tasks: created.tasks.map((t) => ({ connector: created.name, task: t.id })),
        type: statement.connectorType === 'SOURCE' ? 'source' : 'sink',
      },
    };
  } catch (error) {
    throw connectError(error);
  }
}

export async function executeDropConnector(run: StatementRun<DropConnector>): Promise<KsqlEntity> {
  const { statement, engine, text } = run;
  const connect = requireConnect(engine);
  const name = statement.name.text;
  if (statement.ifExists && !(await connect.describe(name))) {
    return { statementText: text, warnings: [], '@type': 'warning_entity', message: `Connector ${name} does not exist.` };
  }
  try {
    await connect.delete(name);
  } catch (error) {
    throw connectError(error);
  }
  return { statementText: text, warnings: [], '@type': 'drop_connector', connectorName: name };
}

/** DESCRIBE CONNECTOR, answered with the connector's config and state. */
export async function executeDescribeConnector(run: StatementRun<DescribeConnector>): Promise<KsqlEntity> {
  const { statement, engine, text } = run;
  const details = await requireConnect(engine).describe(statement.name.text);
  if (!details) throw rejected(`Connector ${statement.name.text} does not exist.`);
  return {
    statementText: text,
    warnings: [],
    '@type': 'connector_info',
    info: {
      name: details.name,
      config: details.config,
      tasks: details.tasks.map((t) => ({ connector: details.name, task: t.id })),
      type: details.type === 'sink' ? 'sink' : 'source',
    },
  };
}

function propertyText(value: CreateConnector['properties'][number]['value']): string {
  switch (value.kind) {
    case 'StringLiteral':
      return value.value;
    case 'BooleanLiteral':
      return String(value.value);
    default:
      return value.text;
  }
}

function connectError(error: unknown): unknown {
  if (error instanceof ConnectPortError) {
    const code = error.status === 404 ? ErrorCodes.notFound : error.status >= 500 ? ErrorCodes.serverError : ErrorCodes.badStatement;
    return new EngineError(code, error.message, { cause: error, retriable: error.retriable });
  }
  return error;
}
