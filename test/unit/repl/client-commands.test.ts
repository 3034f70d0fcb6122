import { parseClientCommand, queryKind } from '../../../src/repl/client-commands';

describe('parseClientCommand', () => {
  it.each([
    [
      "SET 'auto.offset.reset'='earliest';",
      { kind: 'set', property: 'auto.offset.reset', value: 'earliest' },
    ],
    ["set 'a' = 'it''s';", { kind: 'set', property: 'a', value: "it's" }],
    ["UNSET 'auto.offset.reset';", { kind: 'unset', property: 'auto.offset.reset' }],
    ["DEFINE env = 'dev';", { kind: 'define', name: 'env', value: 'dev' }],
    ['UNDEFINE env;', { kind: 'undefine', name: 'env' }],
    ['show variables;', { kind: 'show-variables' }],
    ["RUN SCRIPT '/tmp/a.sql';", { kind: 'run-script', path: '/tmp/a.sql' }],
    ['SPOOL out.txt;', { kind: 'spool', path: 'out.txt' }],
    ["spool 'out file.txt';", { kind: 'spool', path: 'out file.txt' }],
    ['SPOOL OFF;', { kind: 'spool-off' }],
    ['OUTPUT JSON;', { kind: 'output', format: 'JSON' }],
    ['output;', { kind: 'output', format: undefined }],
    ['exit', { kind: 'exit' }],
    ['QUIT;', { kind: 'exit' }],
    ['-- leave\nexit;', { kind: 'exit' }],
    ['help', { kind: 'help' }],
  ])('recognises %j', (statement, expected) => {
    expect(parseClientCommand(statement)).toEqual(expected);
  });

  it('leaves server statements alone', () => {
    expect(parseClientCommand('show properties;')).toBeUndefined();
    expect(parseClientCommand("create stream s with (kafka_topic='t');")).toBeUndefined();
  });
});

describe('queryKind', () => {
  it('sends SELECT and PRINT to the query endpoints, the rest to /ksql', () => {
    expect(queryKind('/* c */ SELECT * FROM s EMIT CHANGES;')).toBe('select');
    expect(queryKind('print psg-customers;')).toBe('print');
    expect(queryKind('show streams;')).toBeUndefined();
    expect(queryKind('create stream s as select * from t;')).toBeUndefined();
  });
});
