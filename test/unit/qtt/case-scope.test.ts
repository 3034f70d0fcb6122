import { caseScope } from '../../../src/qtt/case-scope';
import type { QttCase } from '../../../src/qtt/qtt-case';

const base: QttCase = {
  file: 'f.json',
  name: 'f - t',
  statements: ["CREATE STREAM S (ID INT) WITH (kafka_topic='t', value_format='JSON');"],
  inputs: [],
  outputs: [],
  topics: [],
  properties: {},
};

describe('which cases run', () => {
  it('skips cases in out-of-scope formats, from the format axis, the statements or the topics', () => {
    expect(caseScope({ ...base, format: 'PROTOBUF' })).toEqual({
      kind: 'skip',
      reason: 'format PROTOBUF is out of scope',
    });
    expect(
      caseScope({
        ...base,
        statements: ["CREATE STREAM S WITH (kafka_topic='t', value_format = 'json_sr');"],
      }),
    ).toMatchObject({ kind: 'skip', reason: 'format JSON_SR is out of scope' });
    expect(
      caseScope({ ...base, topics: [{ name: 't', valueFormat: 'PROTOBUF_NOSR' }] }),
    ).toMatchObject({ kind: 'skip' });
  });

  it('skips cases whose properties mean nothing to Brook, naming the property', () => {
    expect(
      caseScope({ ...base, properties: { 'ksql.streams.topology.optimization': 'none' } }),
    ).toEqual({
      kind: 'skip',
      reason: 'property ksql.streams.topology.optimization has no meaning in Brook',
    });
  });

  it('passes engine properties on and keeps runner properties for the comparison', () => {
    expect(
      caseScope({
        ...base,
        properties: {
          'ksql.persistence.default.format.key': 'JSON',
          'use.exact.numeric.comparison': 'false',
          'ksql.streams.__emit.interval.ms.kstreams.windowed.aggregation__': '0',
        },
      }),
    ).toEqual({
      kind: 'run',
      engineProperties: { 'ksql.persistence.default.format.key': 'JSON' },
      exactNumbers: false,
    });
  });
});
