/* eslint-disable @typescript-eslint/require-await -- the port is async; this in-memory engine has nothing to wait for */
import {
  EngineError,
  ErrorCodes,
  StatementError,
  type CommandState,
  type CommandStatus,
  type EngineHealth,
  type EnginePort,
  type KsqlEntity,
  type QueryHandle,
  type QueryMetrics,
  type ConnectorMetrics,
  type RowQueryHandle,
  type SourceInfo,
  type StatementContext,
} from '../../../../src/engine/engine-port';

/**
 * A second implementation of Brook's engine port, in memory, that answers the statements of
 * seed 003's ksql session (and a few more) with canned catalog data. Push queries emit the
 * seed's customer rows and then stay open until LIMIT or close, like a real push query.
 */
export interface InMemoryEngine extends EnginePort {
  /** Contexts received by `execute` and `query`, in order. */
  readonly contexts: StatementContext[];
  /** Ids of queries that are still open. */
  openQueryIds(): string[];
  /** Marks a persistent query as failed (healthcheck turns unhealthy). */
  failQuery(queryId: string): void;
}

const CUSTOMER_COLUMNS = ['NOME', 'TELEFONE', 'EMAIL', 'NASCIMENTO', 'DT_UPDATE'] as const;
const CUSTOMER_TYPES = ['STRING', 'STRING', 'STRING', 'BIGINT', 'BIGINT'] as const;
export const CUSTOMERS: readonly (readonly [string, string, string, bigint, bigint])[] = [
  ['Scott Johnson', '+1-475-559-2163x6531', 'michelle01@example.org', 0n, 1618269963655n],
  ['Amy Shannon', '902-547-6469', 'michaelrogers@example.com', -86400000n, 1618269964211n],
  ['Julie Kane', '+1-817-150-3155', 'austin36@example.net', 0n, 1618269964758n],
  ['Sheri Fuller', '9634802570', 'savannahduncan@example.net', -86400000n, 1618269965285n],
];

export function inMemoryEngine(): InMemoryEngine {
  const streams: SourceInfo[] = [
    {
      type: 'STREAM',
      name: 'KSQL_PROCESSING_LOG',
      topic: 'default_ksql_processing_log',
      keyFormat: 'KAFKA',
      valueFormat: 'JSON',
      isWindowed: false,
    },
  ];
  const statuses = new Map<string, CommandStatus>();
  const open = new Map<string, () => void>();
  const failed = new Set<string>();
  const contexts: StatementContext[] = [];
  let sequence = 0;
  let transient = 0;

  const runOne = (text: string): KsqlEntity => {
    const sql = text.trim().replace(/;$/, '');
    const base = { statementText: text.trim(), warnings: [] };
    if (/^(select|print)\b/i.test(sql)) {
      throw new StatementError(
        "The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT",
        base.statementText,
        undefined,
        [],
        { errorCode: ErrorCodes.queryEndpoint },
      );
    }
    if (/^(show|list)\s+topics$/i.test(sql)) {
      return {
        '@type': 'kafka_topics',
        ...base,
        topics: [
          { name: 'default_ksql_processing_log', replicaInfo: [1] },
          { name: 'psg-customers', replicaInfo: [1] },
        ],
      };
    }
    if (/^(show|list)\s+connectors$/i.test(sql)) {
      return {
        '@type': 'connector_list',
        ...base,
        connectors: [
          {
            name: 'psg-connector',
            type: 'SOURCE',
            className: 'io.confluent.connect.jdbc.JdbcSourceConnector',
            state: 'RUNNING (1/1 tasks RUNNING)',
          },
        ],
      };
    }
    if (/^(show|list)\s+streams$/i.test(sql)) {
      return {
        '@type': 'streams',
        ...base,
        streams: [...streams].sort((a, b) => a.name.localeCompare(b.name)),
      };
    }
    if (/^(show|list)\s+tables$/i.test(sql)) return { '@type': 'tables', ...base, tables: [] };
    if (/^(show|list)\s+functions$/i.test(sql)) {
      return {
        '@type': 'function_names',
        ...base,
        functions: [
          { name: 'TIMESTAMPTOSTRING', type: 'SCALAR', category: 'DATE / TIME' },
          { name: 'UCASE', type: 'SCALAR', category: 'STRING' },
        ],
      };
    }
    const create = /^create\s+stream\s+(\w+)\s+with\s*\((.*)\)$/is.exec(sql);
    if (create?.[1] && create[2]) {
      const name = create[1].toUpperCase();
      const topic = /kafka_topic\s*=\s*'([^']*)'/i.exec(create[2])?.[1] ?? name;
      const valueFormat = (
        /value_format\s*=\s*'([^']*)'/i.exec(create[2])?.[1] ?? 'JSON'
      ).toUpperCase();
      streams.push({
        type: 'STREAM',
        name,
        topic,
        keyFormat: 'KAFKA',
        valueFormat,
        isWindowed: false,
      });
      const commandId = `stream/\`${name}\`/create`;
      const commandStatus: CommandStatus = {
        status: 'SUCCESS',
        message: 'Stream created',
        queryId: null,
      };
      statuses.set(commandId, commandStatus);
      return {
        '@type': 'currentStatus',
        ...base,
        commandId,
        commandStatus,
        commandSequenceNumber: ++sequence,
      };
    }
    const describe = /^describe\s+`?(\w+)`?$/i.exec(sql);
    if (describe?.[1]) {
      const source = streams.find((s) => s.name === describe[1]!.toUpperCase());
      if (!source) throw unknownSource(text, describe[1], sql.indexOf(describe[1]));
      return {
        '@type': 'sourceDescription',
        ...base,
        sourceDescription: {
          name: source.name,
          windowType: null,
          readQueries: [],
          writeQueries: [],
          type: 'STREAM',
          timestamp: '',
          statistics: '',
          errorStats: '',
          extended: false,
          keyFormat: source.keyFormat,
          valueFormat: source.valueFormat,
          topic: source.topic,
          partitions: 1,
          replication: 1,
          statement: '',
          fields: CUSTOMER_COLUMNS.map((c, i) => ({
            name: c,
            schema: { type: CUSTOMER_TYPES[i] ?? 'STRING', fields: null, memberSchema: null },
          })),
        },
      };
    }
    throw new StatementError(
      `line 1:1: Syntax error at or near '${sql.split(/\s+/)[0] ?? ''}'\n1 | ${sql}\n  | ^`,
      text.trim(),
      { line: 1, column: 1 },
    );
  };

  const unknownSource = (text: string, name: string, offset: number): StatementError =>
    new StatementError(
      `line 1:${offset + 1}: ${name.toUpperCase()} does not exist.\n1 | ${text.trim()}\n  | ${' '.repeat(offset)}${'^'.repeat(name.length)}`,
      text.trim(),
      { line: 1, column: offset + 1 },
    );

  return {
    contexts,
    openQueryIds: () => [...open.keys()],
    failQuery: (id) => void failed.add(id),

    async execute(ksql, context) {
      contexts.push(context);
      const entities: KsqlEntity[] = [];
      for (const statement of ksql.split(';').filter((s) => s.trim() !== '')) {
        try {
          entities.push(runOne(`${statement.trim()};`));
        } catch (err) {
          if (err instanceof StatementError) {
            throw new StatementError(err.message, err.statementText, err.location, entities, {
              errorCode: err.errorCode,
            });
          }
          throw err;
        }
      }
      return entities;
    },

    async query(sql, context): Promise<QueryHandle> {
      contexts.push(context);
      const text = sql.trim().replace(/;$/, '');
      const print = /^print\s+'?([\w.-]+)'?/i.exec(text);
      if (print?.[1]) return printHandle(`PRINT_${++transient}`, open);
      const select = /^select\s+(.*?)\s+from\s+(\w+)(.*)$/is.exec(text);
      if (!select?.[1] || !select[2]) return Promise.reject(runOneError(sql));
      const source = streams.find((s) => s.name === select[2]!.toUpperCase());
      if (!source)
        throw unknownSource(sql, select[2], text.search(new RegExp(`\\b${select[2]}\\b`)));
      const limit = /limit\s+(\d+)/i.exec(select[3] ?? '')?.[1];
      const push = /emit\s+changes/i.test(select[3] ?? '');
      return rowHandle(
        `transient_${source.name}_${++transient}`,
        projection(select[1]),
        push,
        limit === undefined ? undefined : Number(limit),
        open,
      );
    },

    async closeQuery(queryId) {
      const close = open.get(queryId);
      if (!close) throw new EngineError(ErrorCodes.notFound, `No query with id ${queryId}`);
      close();
    },

    async info() {
      return {
        version: '0.1.0',
        kafkaClusterId: 'in-memory-cluster',
        ksqlServiceId: 'default_',
        serverStatus: 'RUNNING',
      };
    },

    async health(): Promise<EngineHealth> {
      const queriesHealthy = failed.size === 0;
      return {
        isHealthy: queriesHealthy,
        details: {
          metastore: { isHealthy: true },
          kafka: { isHealthy: true },
          commandRunner: { isHealthy: true },
          queries: { isHealthy: queriesHealthy },
        },
      };
    },

    async status(commandId) {
      return statuses.get(commandId);
    },

    async statuses() {
      const out: Record<string, CommandState> = {};
      for (const [id, status] of statuses) out[id] = status.status;
      return out;
    },

    async queryMetrics(): Promise<readonly QueryMetrics[]> {
      return [
        {
          queryId: 'CSAS_CUSTOMERS_CLEAN_1',
          state: failed.has('CSAS_CUSTOMERS_CLEAN_1') ? 'ERROR' : 'RUNNING',
          recordsIn: 40,
          recordsOut: 38,
          errors: 2,
          consumerLag: 5,
          stateKeys: 12,
        },
      ];
    },

    async connectorMetrics(): Promise<readonly ConnectorMetrics[]> {
      return [{ name: 'psg-connector', type: 'source', state: 'RUNNING', tasks: { RUNNING: 1, FAILED: 1 } }];
    },
  };
}

function runOneError(sql: string): StatementError {
  return new StatementError(`line 1:1: Syntax error\n1 | ${sql.trim()}\n  | ^`, sql.trim(), {
    line: 1,
    column: 1,
  });
}

interface Projection {
  readonly names: string[];
  readonly types: string[];
  readonly evaluate: (row: readonly [string, string, string, bigint, bigint]) => unknown[];
}

/** `*`, plain columns, and TIMESTAMPTOSTRING(col, 'pattern', 'UTC') AS alias. */
function projection(selectList: string): Projection {
  if (selectList.trim() === '*') {
    return {
      names: [...CUSTOMER_COLUMNS],
      types: [...CUSTOMER_TYPES],
      evaluate: (row) => [...row],
    };
  }
  const items = selectList.split(/,(?![^(]*\))/).map((item) => item.trim());
  const evaluators = items.map((item) => {
    const fn = /^timestamptostring\s*\(\s*(\w+)\s*,\s*'([^']*)'.*\)\s+as\s+(\w+)$/is.exec(item);
    if (fn?.[1] && fn[2] && fn[3]) {
      const index = CUSTOMER_COLUMNS.indexOf(
        fn[1].toUpperCase() as (typeof CUSTOMER_COLUMNS)[number],
      );
      const pattern = fn[2];
      return {
        name: fn[3].toUpperCase(),
        type: 'STRING',
        at: (row: readonly unknown[]) => formatUtc(Number(row[index]), pattern),
      };
    }
    const index = CUSTOMER_COLUMNS.indexOf(item.toUpperCase() as (typeof CUSTOMER_COLUMNS)[number]);
    return {
      name: item.toUpperCase(),
      type: CUSTOMER_TYPES[index] ?? 'STRING',
      at: (row: readonly unknown[]) => row[index],
    };
  });
  return {
    names: evaluators.map((e) => e.name),
    types: evaluators.map((e) => e.type),
    evaluate: (row) => evaluators.map((e) => e.at(row)),
  };
}

function formatUtc(epochMs: number, pattern: string): string {
  const d = new Date(epochMs);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return pattern
    .replace('yyyy', String(d.getUTCFullYear()))
    .replace('MM', pad(d.getUTCMonth() + 1))
    .replace('dd', pad(d.getUTCDate()))
    .replace('HH', pad(d.getUTCHours()))
    .replace('mm', pad(d.getUTCMinutes()))
    .replace('ss', pad(d.getUTCSeconds()))
    .replace('SSS', pad(d.getUTCMilliseconds(), 3));
}

function rowHandle(
  queryId: string,
  proj: Projection,
  push: boolean,
  limit: number | undefined,
  open: Map<string, () => void>,
): RowQueryHandle {
  let reason: 'LIMIT_REACHED' | 'COMPLETED' | 'CLOSED' | undefined;
  let wake: (() => void) | undefined;
  const closed = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const close = (): void => {
    reason ??= 'CLOSED';
    open.delete(queryId);
    wake?.();
  };
  open.set(queryId, close);
  async function* rows(): AsyncGenerator<readonly unknown[]> {
    let emitted = 0;
    for (const row of CUSTOMERS) {
      if (reason) return;
      if (limit !== undefined && emitted >= limit) break;
      emitted++;
      yield proj.evaluate(row);
    }
    if (limit !== undefined && emitted >= limit) reason ??= 'LIMIT_REACHED';
    else if (!push) reason ??= 'COMPLETED';
    else await closed;
    open.delete(queryId);
  }
  return {
    kind: 'rows',
    header: {
      queryId,
      columnNames: proj.names,
      columnTypes: proj.types,
      queryKind: push ? 'push' : 'pull',
    },
    rows: rows(),
    endReason: () => reason,
    close: async () => close(),
  };
}

function printHandle(queryId: string, open: Map<string, () => void>): QueryHandle {
  let done = false;
  let wake: (() => void) | undefined;
  const closed = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const close = (): void => {
    done = true;
    open.delete(queryId);
    wake?.();
  };
  open.set(queryId, close);
  async function* lines(): AsyncGenerator<string> {
    yield 'Key format: ¯\\_(ツ)_/¯ - no data processed';
    yield 'Value format: AVRO';
    for (const [nome, , email] of CUSTOMERS) {
      if (done) return;
      yield `rowtime: 2021/04/12 23:26:03.655 Z, key: <null>, value: {"nome": "${nome}", "email": "${email}"}, partition: 0`;
    }
    await closed;
  }
  return { kind: 'print', queryId, lines: lines(), close: async () => close() };
}
