import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../server/support/test-server';
import { startPtyRepl, type PtyRepl } from './support/pty-repl';

const SHOW_TOPICS = [
  ' Kafka Topic                 | Partitions | Partition Replicas ',
  '---------------------------------------------------------------',
  ' default_ksql_processing_log | 1          | 1                  ',
  ' psg-customers               | 1          | 1                  ',
  '---------------------------------------------------------------',
].join('\n');

const SHOW_CONNECTORS = [
  ' Connector Name | Type   | Class                                         | Status                      ',
  '-------------------------------------------------------------------------------------------------------',
  ' psg-connector  | SOURCE | io.confluent.connect.jdbc.JdbcSourceConnector | RUNNING (1/1 tasks RUNNING) ',
  '-------------------------------------------------------------------------------------------------------',
].join('\n');

const SHOW_STREAMS = [
  ' Stream Name         | Kafka Topic                 | Key Format | Value Format | Windowed ',
  '------------------------------------------------------------------------------------------',
  ' CUSTSTREAM          | psg-customers               | KAFKA      | AVRO         | false    ',
  ' KSQL_PROCESSING_LOG | default_ksql_processing_log | KAFKA      | JSON         | false    ',
  '------------------------------------------------------------------------------------------',
].join('\n');

const RULE = `+${Array(5).fill('-'.repeat(25)).join('+')}+`;

describe('the REPL in a terminal, typing seed 003 session', () => {
  let t: TestServer;
  let repl: PtyRepl;
  let historyFile: string;

  beforeAll(async () => {
    t = await startTestServer();
    historyFile = join(mkdtempSync(join(tmpdir(), 'brook-repl-')), 'history');
    repl = startPtyRepl(['repl', '--server', t.server.url], { BROOK_HISTORY_FILE: historyFile });
    await repl.waitFor('ksql> ');
  });

  afterAll(async () => {
    repl.kill();
    await t.server.close();
  });

  /** Types one line and waits for `expected` in the output that follows. */
  async function enter(line: string, expected: string | RegExp): Promise<string> {
    const from = repl.text().length;
    repl.type(`${line}\r`);
    return repl.waitFor(expected, from);
  }

  it('prints a banner with the server version, URL and status, then the prompt', () => {
    const screen = repl.text();
    expect(screen).toContain(`Server v0.1.0 located at ${t.server.url}`);
    expect(screen).toContain('Server Status: RUNNING');
    expect(screen.trimEnd().endsWith('ksql>')).toBe(true);
  });

  it('show topics; prints the topic listing', async () => {
    expect(await enter('show topics;', 'ksql> ')).toContain(SHOW_TOPICS);
  });

  it('show connectors; prints the connector listing', async () => {
    expect(await enter('show connectors;', 'ksql> ')).toContain(SHOW_CONNECTORS);
  });

  it('print psg-customers; streams the records until Ctrl-C, then returns to the prompt', async () => {
    const from = repl.text().length;
    await enter('print psg-customers;', 'Sheri Fuller');
    expect(repl.since(from)).toContain('Value format: AVRO');
    repl.type('\x03');
    await repl.waitFor(/Topic printing ceased\nksql> /, from);
    await waitUntil(() => t.engine.openQueryIds().length === 0);
  });

  it('create stream ... confirms with a message', async () => {
    const out = await enter(
      "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');",
      'ksql> ',
    );
    expect(out).toContain(' Message        \n----------------\n Stream created \n----------------');
  });

  it('show streams; lists the new stream', async () => {
    expect(await enter('show streams;', 'ksql> ')).toContain(SHOW_STREAMS);
  });

  it('select * from custstream emit changes; streams boxed rows and Ctrl-C closes the query', async () => {
    const from = repl.text().length;
    await enter('select * from custstream emit changes;', '|Sheri Fuller');
    expect(t.engine.openQueryIds()).toHaveLength(1);
    const out = repl.since(from);
    expect(out).toContain(
      `${RULE}\n|NOME                     |TELEFONE                 |EMAIL                    |NASCIMENTO               |DT_UPDATE                |\n${RULE}\nPress CTRL-C to interrupt\n`,
    );
    expect(out).toContain(
      '|Scott Johnson            |+1-475-559-2163x6531     |michelle01@example.org   |0                        |1618269963655            |',
    );
    repl.type('\x03');
    await repl.waitFor(/Query terminated\nksql> /, from);
    await waitUntil(() => t.engine.openQueryIds().length === 0);
  });

  it('a statement typed across lines gets the > continuation prompt and runs at the semicolon', async () => {
    const from = repl.text().length;
    repl.type('select nome, telefone, email, \r');
    await repl.waitFor('\n>', from);
    repl.type("TIMESTAMPTOSTRING(nascimento, 'yyyy-MM-dd', 'UTC') as dt_nascimento,\r");
    repl.type("TIMESTAMPTOSTRING(dt_update, 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC') as dt_updt_conv\r");
    repl.type('from custstream emit changes;\r');
    const out = await repl.waitFor('|Sheri Fuller', from);
    expect(out).toContain('>TIMESTAMPTOSTRING(nascimento');
    expect(out).toContain(
      '|NOME                     |TELEFONE                 |EMAIL                    |DT_NASCIMENTO            |DT_UPDT_CONV             |',
    );
    expect(out).toContain(
      '|Scott Johnson            |+1-475-559-2163x6531     |michelle01@example.org   |1970-01-01               |2021-04-12 23:26:03.655  |',
    );
    expect(out).toContain(
      '|Amy Shannon              |902-547-6469             |michaelrogers@example.com|1969-12-31               |2021-04-12 23:26:04.211  |',
    );
    repl.type('\x03');
    await repl.waitFor(/Query terminated\nksql> /, from);
  });

  it('prints statement errors with the caret and keeps going', async () => {
    const out = await enter('describe nope;', 'ksql> ');
    expect(out).toContain('line 1:10: NOPE does not exist.\n1 | describe nope;\n  |          ^^^^');
  });

  it('keeps SET properties client-side and sends them with every request', async () => {
    const out = await enter("SET 'auto.offset.reset'='earliest';", 'ksql> ');
    expect(out).toContain("Successfully changed local property 'auto.offset.reset' to 'earliest'");
    await enter('show topics;', 'ksql> ');
    expect(t.engine.contexts.at(-1)?.streamsProperties).toEqual({
      'auto.offset.reset': 'earliest',
    });
    await enter("UNSET 'auto.offset.reset';", 'ksql> ');
    await enter('show topics;', 'ksql> ');
    expect(t.engine.contexts.at(-1)?.streamsProperties).toEqual({});
  });

  it('completes stream names and keywords with Tab', async () => {
    const from = repl.text().length;
    repl.type('describe cust\t');
    await repl.waitFor('describe custstream', from);
    const out = await enter(';', 'ksql> ');
    expect(out).toContain('Name                 : CUSTSTREAM');
  });

  it('completes column names, functions and properties with Tab', async () => {
    let from = repl.text().length;
    repl.type('select nom\t');
    await repl.waitFor('select nome', from);
    repl.type(', timestamptos\t');
    await repl.waitFor('timestamptostring', from);
    repl.type('\x03');
    await repl.waitFor(/\^C\nksql> /, from);
    from = repl.text().length;
    repl.type("SET 'auto.off\t");
    await repl.waitFor("SET 'auto.offset.reset", from);
    repl.type('\x03');
    await repl.waitFor(/\^C\nksql> /, from);
  });

  it('Ctrl-C drops a half-typed statement and gives the prompt back', async () => {
    const from = repl.text().length;
    repl.type('select nome,\r');
    await repl.waitFor('\n>', from);
    repl.type('\x03');
    await repl.waitFor(/\^C\nksql> /, from);
    const out = await enter('show topics;', 'ksql> ');
    expect(out).toContain(SHOW_TOPICS);
  });

  it('writes what was typed to the history file', () => {
    const history = readFileSync(historyFile, 'utf8').split('\n');
    expect(history).toContain('show topics;');
    expect(history).toContain('from custstream emit changes;');
  });

  it('exits on exit', async () => {
    repl.type('exit\r');
    expect(await repl.exited()).toBe(0);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
