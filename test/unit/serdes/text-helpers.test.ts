import Decimal from 'decimal.js';
import {
  createSerdeFactory,
  javaDoubleToString,
  readCsvRecord,
  renderRowAsJson,
  writeCsvRecord,
} from '../../../topology/serdes';
import { SqlTypes as T } from '../../../topology/spec';

describe("Java's Double.toString", () => {
  it.each([
    [3, '3.0'],
    [-0, '-0.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1234.5, '1234.5'],
    [9999999.5, '9999999.5'],
    [1e7, '1.0E7'],
    [123456789, '1.23456789E8'],
    [1946195068359375, '1.946195068359375E15'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('renders %p as %s', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });

  // JDK 8-18 digits (ksqlDB's JDK 11/17), not the shortest round-trip digits of JDK 19+.
  it.each([
    [2 ** 62, '4.6116860184273879E18'],
    [2 ** 63, '9.223372036854776E18'],
    [1e23, '9.999999999999999E22'],
    [2e23, '1.9999999999999998E23'],
    [Number('9007199254740993'), '9.007199254740992E15'],
    [1e21, '1.0E21'],
    [2 / 3, '0.6666666666666666'],
    [0.1 + 0.2, '0.30000000000000004'],
    [100 / 3, '33.333333333333336'],
    [9999999.999999998, '9999999.999999998'],
    [1234.5678, '1234.5678'],
    [5e-324, '4.9E-324'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
  ])('prints %p with the digits of JDK 17: %s', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });

  it('always prints a text that reads back as the same double', () => {
    const view = new DataView(new ArrayBuffer(8));
    let seed = 0x9e3779b97f4a7c15n;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      view.setBigUint64(0, seed & 0x7fefffffffffffffn);
      const value = view.getFloat64(0);
      expect(Number(javaDoubleToString(value))).toBe(value);
    }
  });
});

describe('CSV records', () => {
  it('round-trips fields that need quoting', () => {
    const fields = ['-1', 'a "b"', null, 'x\ny', ' pad', 'tail '];
    const line = writeCsvRecord(fields, ',');
    expect(line).toBe('"-1","a ""b""",,"x\ny"," pad","tail "');
    expect(readCsvRecord(line, ',')).toEqual(fields);
  });

  it('reads a trailing empty field as NULL and rejects a stray quote', () => {
    expect(readCsvRecord('a,', ',')).toEqual(['a', null]);
    expect(() => readCsvRecord('"a"b', ',')).toThrow();
  });
});

describe('REST row rendering', () => {
  it('renders a row as a JSON array with ksqlDB number forms', () => {
    const columns = [
      { name: 'A', type: T.double },
      { name: 'B', type: T.decimal(5, 2) },
      { name: 'C', type: T.bigint },
      { name: 'D', type: T.map(T.string, T.boolean) },
    ];
    const row = [2, new Decimal('3.1'), 12345678901234567890n, new Map([['k', true]])];
    expect(renderRowAsJson(columns, row)).toBe('[2.0,3.10,12345678901234567890,{"k":true}]');
  });

  it('can render temporal values as ISO text, as the CLI shows them', () => {
    const columns = [
      { name: 'TS', type: T.timestamp },
      { name: 'D', type: T.date },
      { name: 'T', type: T.time },
      { name: 'A', type: T.array(T.date) },
    ];
    const row = [1628588165000, 18849, 34565000, [0]];
    expect(renderRowAsJson(columns, row, { temporalAsText: true })).toBe(
      '["2021-08-10T09:36:05.000","2021-08-10","09:36:05",["1970-01-01"]]',
    );
    expect(renderRowAsJson(columns, row)).toBe('[1628588165000,18849,34565000,[0]]');
  });
});

describe('JSON parsing for the serde', () => {
  it.each([
    ['{"a":9007199254740993}', 'a', '9007199254740993'],
    ['{"a":1.50}', 'a', '1.50'],
    ['{"a":1e3}', 'a', '1e3'],
    ['{"a":0.0000001}', 'a', '0.0000001'],
    ['{"a":-0}', 'a', '-0'],
    ['{"a":12.25}', 'a', '12.25'],
    ['{"a":100}', 'a', '100'],
  ])('keeps the text of the numbers in %s', async (json, field, text) => {
    const serde = createSerdeFactory().create({
      topic: 't',
      isKey: false,
      format: { format: 'JSON', properties: {} },
      columns: [{ name: field, type: T.string }],
    });
    expect((await serde.deserialize(Buffer.from(json))).row).toEqual([text]);
  });
});
