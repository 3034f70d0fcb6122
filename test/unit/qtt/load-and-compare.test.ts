import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { SqlTypes } from '../../../topology/spec';
import { parseBigDecimal } from '../../../src/qtt/big-decimal';
import {
  compareTopic,
  compareValue,
  type ActualRecord,
  type SinkShape,
} from '../../../src/qtt/compare-records';
import { loadCaseFile, parseExactJson } from '../../../src/qtt/load-cases';

const exact = (text: string) => ({ kind: 'exact-number' as const, text });

function writeCases(doc: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'brook-qtt-')), 'sample.json');
  writeFileSync(file, doc);
  return file;
}

describe('QTT case loading', () => {
  it('keeps numbers exact and accepts comments', () => {
    expect(parseExactJson('{"a": 1.10, // note\n "b": 4.6116860184273879E18 /* x */}')).toEqual({
      a: exact('1.10'),
      b: exact('4.6116860184273879E18'),
    });
    expect(parseExactJson('{"url": "http://x//y"}')).toEqual({ url: 'http://x//y' });
  });

  it('expands format x config, substitutes {FORMAT} in statements only, and names cases as QTT does', () => {
    const file = writeCases(`{"tests": [
      {"name": "t", "format": ["JSON", "AVRO"], "config": ["true", "false"],
       "properties": {"ksql.new.query.planner.enabled": "{CONFIG}"},
       "statements": ["CREATE STREAM S (ID INT) WITH (kafka_topic='t', value_format='{FORMAT}');"],
       "inputs": [{"topic": "t", "value": {"ID": 1}}], "outputs": []},
      {"name": "off", "enabled": false, "statements": ["x"], "inputs": [], "outputs": []}
    ]}`);
    const cases = loadCaseFile(file);
    expect(cases.map((c) => c.name)).toEqual([
      'sample - t - JSON - ksql.new.query.planner.enabled=true',
      'sample - t - JSON - ksql.new.query.planner.enabled=false',
      'sample - t - AVRO - ksql.new.query.planner.enabled=true',
      'sample - t - AVRO - ksql.new.query.planner.enabled=false',
    ]);
    expect(cases[2]?.statements[0]).toContain("value_format='AVRO'");
    expect(cases[1]?.properties).toEqual({ 'ksql.new.query.planner.enabled': 'false' });
  });

  it('rejects a file whose expanded names repeat', () => {
    const file =
      writeCases(`{"tests": [{"name": "a", "statements": ["x"], "inputs": [], "outputs": []},
                                         {"name": "a", "statements": ["y"], "inputs": [], "outputs": []}]}`);
    expect(() => loadCaseFile(file)).toThrow(/duplicate test name "sample - a"/);
  });
});

describe('QTT record comparison', () => {
  it('compares decimals with their scale, as BigDecimal.equals does', () => {
    const type = SqlTypes.decimal(4, 2);
    expect(compareValue(exact('1.10'), new Decimal('1.1'), type)).toBeNull();
    expect(compareValue(exact('1.1'), new Decimal('1.10'), type)).not.toBeNull();
    expect(parseBigDecimal('4.6116860184273879E18')).toEqual({
      unscaled: 46116860184273879n,
      scale: -2,
    });
  });

  it('compares doubles within 1e-6 and longs exactly beyond 2^53', () => {
    expect(compareValue(exact('3.0'), 3.0000001, SqlTypes.double)).toBeNull();
    expect(compareValue(exact('3.0'), 3.1, SqlTypes.double)).not.toBeNull();
    expect(compareValue(exact('9007199254740993'), 9007199254740993n, SqlTypes.bigint)).toBeNull();
    expect(
      compareValue(exact('9007199254740993'), 9007199254740992n, SqlTypes.bigint),
    ).not.toBeNull();
  });

  const shape: SinkShape = {
    keyColumns: [{ name: 'ID', type: SqlTypes.bigint }],
    valueColumns: [
      { name: 'NAME', type: SqlTypes.string },
      { name: 'TOTAL', type: SqlTypes.integer },
    ],
    valueFormat: 'JSON',
    wrapSingleValue: true,
  };
  const actual = (value: unknown[] | null, timestamp = 0): ActualRecord => ({
    key: [1n],
    value,
    valueText: null,
    timestamp,
    headers: [],
  });

  it('fails on an extra column, a wrong count and a wrong timestamp, and says which', () => {
    const expected = { topic: 'OUTPUT', key: exact('1'), value: { NAME: 'a' }, timestamp: 5 };
    expect(
      compareTopic('OUTPUT', [expected], [actual(['a', 1], 5)], shape, {
        anyTimestampForZero: false,
      })?.message,
    ).toMatch(/expected 1 columns/);
    const full = { ...expected, value: { NAME: 'a', total: exact('1') } };
    expect(
      compareTopic('OUTPUT', [full], [actual(['a', 1], 5)], shape, { anyTimestampForZero: false }),
    ).toBeNull();
    expect(
      compareTopic('OUTPUT', [full], [actual(['a', 1], 6)], shape, { anyTimestampForZero: false })
        ?.class,
    ).toBe('timestamp');
    expect(
      compareTopic('OUTPUT', [full, full], [actual(['a', 1], 5)], shape, {
        anyTimestampForZero: false,
      })?.class,
    ).toBe('count');
    expect(
      compareTopic('OUTPUT', [{ ...full, value: null }], [actual(null, 5)], shape, {
        anyTimestampForZero: false,
      }),
    ).toBeNull();
  });
});
