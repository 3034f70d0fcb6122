import type { KsqlEntity } from '../engine/engine-port';
import type { KsqlClient, RequestScope } from './ksql-client';

const KEYWORDS =
  `SELECT FROM WHERE GROUP BY HAVING PARTITION EMIT CHANGES FINAL LIMIT WINDOW TUMBLING HOPPING
SESSION SIZE ADVANCE GRACE PERIOD RETENTION JOIN LEFT RIGHT FULL OUTER INNER ON WITHIN AS AND OR NOT
NULL IS IN BETWEEN LIKE CASE WHEN THEN ELSE END CAST CREATE OR REPLACE SOURCE STREAM STREAMS TABLE TABLES
INSERT INTO VALUES DROP DELETE TOPIC TOPICS TERMINATE PAUSE RESUME SHOW LIST QUERIES QUERY CONNECTORS
CONNECTOR SINK FUNCTIONS FUNCTION PROPERTIES TYPES TYPE VARIABLES DESCRIBE EXTENDED EXPLAIN PRINT
BEGINNING INTERVAL DEFINE UNDEFINE SET UNSET RUN SCRIPT SPOOL OFF OUTPUT TABULAR JSON EXIT QUIT HELP
ASSERT KEY PRIMARY HEADERS WITH STRUCT ARRAY MAP STRING VARCHAR INT INTEGER BIGINT DOUBLE DECIMAL
BOOLEAN TIMESTAMP DATE TIME BYTES ALL IF EXISTS ASC DESC`.split(/\s+/);

/** Properties a user sets most from the REPL (`SET '...'`); the server lists the rest. */
const PROPERTIES = [
  'auto.offset.reset',
  'processing.guarantee',
  'cache.max.bytes.buffering',
  'commit.interval.ms',
  'ksql.streams.auto.offset.reset',
  'ksql.streams.num.stream.threads',
  'ksql.query.pull.table.scan.enabled',
  'ksql.service.id',
];

export interface CompletionNames {
  sources: string[];
  columns: string[];
  functions: string[];
}

/**
 * Tab completion of keywords, stream/table and column names, functions and properties. Names
 * come from SHOW STREAMS / SHOW TABLES / DESCRIBE / SHOW FUNCTIONS and are refreshed after
 * statements that change the catalog.
 */
export interface Completion {
  complete(line: string): [string[], string];
  refresh(): Promise<void>;
  names(): Readonly<CompletionNames>;
}

export function completion(client: KsqlClient, scope: () => RequestScope): Completion {
  let names: CompletionNames = { sources: [], columns: [], functions: [] };
  const ask = async (statement: string): Promise<readonly KsqlEntity[]> =>
    client.ksql(statement, scope()).catch(() => []);

  return {
    names: () => names,
    async refresh() {
      const listed = await ask('SHOW STREAMS; SHOW TABLES; SHOW FUNCTIONS;');
      const sources: string[] = [];
      const functions: string[] = [];
      for (const entity of listed) {
        if (entity['@type'] === 'streams') sources.push(...entity.streams.map((s) => s.name));
        if (entity['@type'] === 'tables') sources.push(...entity.tables.map((t) => t.name));
        if (entity['@type'] === 'function_names')
          functions.push(...entity.functions.map((f) => f.name));
      }
      const columns = new Set<string>();
      for (const source of sources.slice(0, 100)) {
        for (const entity of await ask(`DESCRIBE \`${source}\`;`)) {
          if (entity['@type'] === 'sourceDescription')
            entity.sourceDescription.fields.forEach((f) => columns.add(f.name));
        }
      }
      names = { sources, columns: [...columns], functions };
    },
    complete(line) {
      const quoted = /'([\w.]*)$/.exec(line);
      if (quoted && /\b(set|unset)\s+'[\w.]*$/i.test(line)) {
        const prefix = quoted[1] ?? '';
        return [PROPERTIES.filter((p) => p.startsWith(prefix)), prefix];
      }
      const word = /[\w$]*$/.exec(line)?.[0] ?? '';
      if (word === '') return [[], word];
      const upper = word.toUpperCase();
      const lower = word === word.toLowerCase();
      const candidates = [
        ...new Set([...names.sources, ...names.columns, ...names.functions, ...KEYWORDS]),
      ];
      const hits = candidates.filter((c) => c.startsWith(upper)).sort();
      return [lower ? hits.map((h) => h.toLowerCase()) : hits, word];
    },
  };
}
