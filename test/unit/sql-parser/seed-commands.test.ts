import { stripSpans } from '../../../sql/ast';
import { parseScript } from '../../../sql/parser';

/** The ksqlDB CLI session of the ksqlDB + Kafka Connect seed must work verbatim. */
describe('seed ksqlDB session', () => {
  it('parses every command as typed at the ksql> prompt', () => {
    const session = [
      'show topics;',
      'show connectors;',
      'print psg-customers;',
      "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');",
      'show streams;',
      'select * from custstream emit changes;',
      "select nome, telefone, email, \nTIMESTAMPTOSTRING(nascimento, 'yyyy-MM-dd', 'UTC') as dt_nascimento,\nTIMESTAMPTOSTRING(dt_update, 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC') as dt_updt_conv\nfrom custstream emit changes;",
    ].join('\n');
    const statements = parseScript(session).map((s) => stripSpans(s.statement));
    expect(statements.map((s) => s.kind)).toEqual([
      'Show',
      'Show',
      'Print',
      'CreateSource',
      'Show',
      'Query',
      'Query',
    ]);
    expect(statements[2]).toMatchObject({
      topic: { name: 'psg-customers', quote: 'none' },
      fromBeginning: false,
    });
    expect(statements[3]).toMatchObject({
      name: { name: 'CUSTSTREAM' },
      columns: [],
      properties: [{ key: 'KAFKA_TOPIC' }, { key: 'VALUE_FORMAT' }],
    });
    expect(statements[6]).toMatchObject({
      emit: 'CHANGES',
      select: [
        {},
        {},
        {},
        { alias: { name: 'DT_NASCIMENTO' } },
        { alias: { name: 'DT_UPDT_CONV' } },
      ],
    });
  });
});
