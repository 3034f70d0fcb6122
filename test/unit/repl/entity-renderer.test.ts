import type { KsqlEntity } from '../../../src/engine/engine-port';
import { renderEntity } from '../../../src/repl/entity-renderer';

const base = { statementText: 's;', warnings: [] };

describe('renderEntity', () => {
  it('renders SHOW QUERIES as the ksql CLI listing', () => {
    const entity: KsqlEntity = {
      '@type': 'queries',
      ...base,
      queries: [
        {
          id: 'CSAS_S_1',
          queryType: 'PERSISTENT',
          statusCount: { RUNNING: 1 },
          state: 'RUNNING',
          sinks: ['S'],
          sinkKafkaTopics: ['s'],
          queryString: 'CREATE STREAM S AS\nSELECT * FROM T;',
        },
      ],
    };
    expect(renderEntity(entity)).toBe(
      [
        ' Query ID | Query Type | Status    | Sink Name | Sink Kafka Topic | Query String                        ',
        '--------------------------------------------------------------------------------------------------------',
        ' CSAS_S_1 | PERSISTENT | RUNNING:1 | S         | s                | CREATE STREAM S AS SELECT * FROM T; ',
        '--------------------------------------------------------------------------------------------------------',
        'For detailed information on a Query run: EXPLAIN <Query ID>;',
      ].join('\n'),
    );
  });

  it('renders DESCRIBE with key columns marked and nested types spelled out', () => {
    const scalar = (type: string) => ({ type, fields: null, memberSchema: null });
    const entity: KsqlEntity = {
      '@type': 'sourceDescription',
      ...base,
      sourceDescription: {
        name: 'ORDERS',
        windowType: null,
        readQueries: [],
        writeQueries: [],
        type: 'TABLE',
        timestamp: '',
        statistics: '',
        errorStats: '',
        extended: false,
        keyFormat: 'KAFKA',
        valueFormat: 'AVRO',
        topic: 'orders',
        partitions: 1,
        replication: 1,
        statement: '',
        fields: [
          { name: 'ID', schema: scalar('INTEGER'), type: 'KEY' },
          { name: 'TAGS', schema: { type: 'ARRAY', fields: null, memberSchema: scalar('STRING') } },
          {
            name: 'ADDR',
            schema: {
              type: 'STRUCT',
              fields: [{ name: 'CITY', schema: scalar('STRING') }],
              memberSchema: null,
            },
          },
        ],
      },
    };
    expect(renderEntity(entity)).toBe(
      [
        'Name                 : ORDERS',
        ' Field | Type                         ',
        '--------------------------------------',
        ' ID    | INTEGER        (key)         ',
        ' TAGS  | ARRAY<VARCHAR(STRING)>       ',
        ' ADDR  | STRUCT<CITY VARCHAR(STRING)> ',
        '--------------------------------------',
        'For runtime statistics and query details run: DESCRIBE ORDERS EXTENDED;',
      ].join('\n'),
    );
  });

  it('prints warnings before the result', () => {
    const entity: KsqlEntity = {
      '@type': 'tables',
      statementText: 's;',
      warnings: [{ message: 'careful' }],
      tables: [],
    };
    expect(renderEntity(entity).split('\n')[0]).toBe('WARNING: careful');
  });

  it('renders a dropped connector as a message', () => {
    expect(renderEntity({ '@type': 'drop_connector', ...base, connectorName: 'pg' })).toContain(
      ' Dropped connector "pg" ',
    );
  });
});
