import Decimal from 'decimal.js';
import { lambdaArg } from '../../../sql/functions';
import { SqlTypes as T } from '../../../topology/spec';
import { call, explode } from './call';

const s = T.string;
const arr = T.array;

describe('array, map and lambda functions (QTT array*.json, map.json, explode.json)', () => {
  it('ARRAY_SORT puts NULLs last in both directions and compares strings as Java does', () => {
    const words = ['foo', 'fo', 'Food', null, 'F', 'food'];
    expect(call('ARRAY_SORT', [words], [arr(s)])).toEqual(['F', 'Food', 'fo', 'foo', 'food', null]);
    expect(call('ARRAY_SORT', [words, 'desc'], [arr(s), s])).toEqual([
      'food',
      'foo',
      'fo',
      'Food',
      'F',
      null,
    ]);
  });

  it('ARRAY_MAX and ARRAY_MIN ignore NULLs; empty arrays give NULL', () => {
    const decimals = ['1', '1.1', '-0.2', null, '9'].map((v) =>
      v === null ? null : new Decimal(v),
    );
    expect(String(call('ARRAY_MAX', [decimals], [arr(T.decimal(2, 1))]))).toBe('9');
    expect(call('ARRAY_MIN', [[true, null, false]], [arr(T.boolean)])).toBe(false);
    expect(call('ARRAY_MAX', [[]], [arr(T.integer)])).toBeNull();
  });

  it('ARRAY_JOIN renders elements as Java does', () => {
    expect(call('ARRAY_JOIN', [[1.23, -23.42, 0]], [arr(T.double)])).toBe('1.23,-23.42,0.0');
    expect(call('ARRAY_JOIN', [[true, null, false], null], [arr(T.boolean), s])).toBe(
      'truenullfalse',
    );
    expect(
      call(
        'ARRAY_JOIN',
        [[new Decimal('123.45'), new Decimal('987.6')], '#'],
        [arr(T.decimal(5, 2)), s],
      ),
    ).toBe('123.45#987.60');
  });

  it('GENERATE_SERIES counts up or down by a step', () => {
    expect(call('GENERATE_SERIES', [4, 0], [T.integer, T.integer])).toEqual([4, 3, 2, 1, 0]);
    expect(call('GENERATE_SERIES', [-2, 1, 2], [T.integer, T.integer, T.integer])).toEqual([-2, 0]);
  });

  it('set operations, containment, slicing and removal', () => {
    expect(call('ARRAY_CONTAINS', [['Pink', null], 'Pink'], [arr(s), s])).toBe(true);
    expect(call('ARRAY_CONTAINS', [null, 'Pink'], [arr(s), s])).toBe(false);
    expect(call('ARRAY_DISTINCT', [[1, 2, 1, null, null]], [arr(T.integer)])).toEqual([1, 2, null]);
    expect(
      call(
        'ARRAY_UNION',
        [
          [1, 2],
          [2, 3],
        ],
        [arr(T.integer), arr(T.integer)],
      ),
    ).toEqual([1, 2, 3]);
    expect(call('ARRAY_EXCEPT', [[1, 2, 3], [2]], [arr(T.integer), arr(T.integer)])).toEqual([
      1, 3,
    ]);
    expect(call('SLICE', [[1, 2, 3, 4], 2, 3], [arr(T.integer), T.integer, T.integer])).toEqual([
      2, 3,
    ]);
    expect(call('ARRAY_REMOVE', [[1, null, 1, 2], 1], [arr(T.integer), T.integer])).toEqual([
      null,
      2,
    ]);
  });

  it('map functions keep NULL values and let the second map win', () => {
    const m1 = new Map<string, number | null>([
      ['foo', 10],
      ['bar', 20],
    ]);
    expect(
      call('MAP_UNION', [m1, new Map([['foo', null]])], [T.map(s, T.integer), T.map(s, T.integer)]),
    ).toEqual(
      new Map([
        ['foo', null],
        ['bar', 20],
      ]),
    );
    expect(call('MAP_VALUES', [m1], [T.map(s, T.integer)])).toEqual([10, 20]);
    expect(
      call(
        'ENTRIES',
        [
          new Map([
            ['K2', 2],
            ['K1', 1],
          ]),
          true,
        ],
        [T.map(s, T.integer), T.boolean],
      ),
    ).toEqual([
      { K: 'K1', V: 1 },
      { K: 'K2', V: 2 },
    ]);
  });

  it('TRANSFORM, FILTER and REDUCE call their lambdas', () => {
    const ints = arr(T.integer);
    expect(
      call(
        'TRANSFORM',
        [[1, 2], (x: unknown) => (x as number) * 10],
        [ints, lambdaArg(1, () => T.integer)],
      ),
    ).toEqual([10, 20]);
    expect(
      call(
        'FILTER',
        [[1, 2, 3], (x: unknown) => (x as number) > 1],
        [ints, lambdaArg(1, () => T.boolean)],
      ),
    ).toEqual([2, 3]);
    const sum = (acc: unknown, x: unknown) => (acc as number) + (x as number);
    expect(
      call('REDUCE', [[1, 2, 3], 0, sum], [ints, T.integer, lambdaArg(2, () => T.integer)]),
    ).toBe(6);
  });

  it('EXPLODE yields one row per element and none for NULL', () => {
    expect(explode('EXPLODE', [[1n, 2n]], [arr(T.bigint)])).toEqual([1n, 2n]);
    expect(explode('EXPLODE', [null], [arr(T.bigint)])).toEqual([]);
  });
});

describe('JSON functions (QTT extract-json-field.json, json_keys.json)', () => {
  it('EXTRACTJSONFIELD keeps number text, reads past trailing garbage and rejects negative indexes', () => {
    expect(call('EXTRACTJSONFIELD', ['{"array": [1.23450]}', '$.array[0]'], [s, s])).toBe(
      '1.23450',
    );
    expect(call('EXTRACTJSONFIELD', ['{"array": [1, 2]}', '$.array[-1]'], [s, s])).toBeNull();
    expect(call('EXTRACTJSONFIELD', ['{"name": "cdd", "@type": "VAL"}}', '$.@type'], [s, s])).toBe(
      'VAL',
    );
    expect(call('EXTRACTJSONFIELD', ['{"a": {"b": [1,{"c":2}]}}', '$.a.b'], [s, s])).toBe(
      '[1,{"c":2}]',
    );
  });

  it('JSON_ARRAY_CONTAINS compares numbers by value and other scalars by type', () => {
    expect(call('JSON_ARRAY_CONTAINS', ['[1.50, "a", null]', 1.5], [s, T.double])).toBe(true);
    expect(
      call('JSON_ARRAY_CONTAINS', ['[1.50, "a"]', new Decimal('1.5')], [s, T.decimal(2, 1)]),
    ).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', ['[1, "a"]', '1'], [s, s])).toBe(false);
    expect(call('JSON_ARRAY_CONTAINS', ['{"a": 1}', 1], [s, T.integer])).toBe(false);
  });

  it('JSON_KEYS, JSON_ARRAY_LENGTH, JSON_CONCAT and IS_JSON_STRING', () => {
    expect(call('JSON_KEYS', ['{"Red": 3, "Green": 5}'], [s])).toEqual(['Red', 'Green']);
    expect(call('JSON_KEYS', [''], [s])).toBeNull();
    expect(call('JSON_ARRAY_LENGTH', ['[1, [2]]'], [s])).toBe(2);
    expect(call('JSON_CONCAT', ['{"a":1}', '{"b":2}'], [s, s])).toBe('{"a":1,"b":2}');
    expect(call('JSON_CONCAT', ['[1]', '2'], [s, s])).toBe('[1,2]');
    expect(call('IS_JSON_STRING', ['{"a":'], [s])).toBe(false);
  });

  it('TO_JSON_STRING writes ksqlDB JSON', () => {
    const type = T.struct([
      { name: 'D', type: T.double },
      { name: 'X', type: T.decimal(4, 2) },
    ]);
    expect(call('TO_JSON_STRING', [{ D: 3, X: new Decimal(1) }], [type])).toBe(
      '{"D":3.0,"X":1.00}',
    );
  });
});

describe('URL functions', () => {
  const url = 'http://user@www.test.com:8080/nested/page%20one.html?query=one&two=a+b#frag';
  it('extracts parts of a URL, NULL when absent or invalid', () => {
    expect(call('URL_EXTRACT_HOST', [url], [s])).toBe('www.test.com');
    expect(call('URL_EXTRACT_PORT', [url], [s])).toBe(8080);
    expect(call('URL_EXTRACT_PATH', [url], [s])).toBe('/nested/page one.html');
    expect(call('URL_EXTRACT_PROTOCOL', [url], [s])).toBe('http');
    expect(call('URL_EXTRACT_QUERY', [url], [s])).toBe('query=one&two=a+b');
    expect(call('URL_EXTRACT_FRAGMENT', [url], [s])).toBe('frag');
    expect(call('URL_EXTRACT_PARAMETER', [url, 'two'], [s, s])).toBe('a b');
    expect(call('URL_EXTRACT_PORT', ['http://x.com/'], [s])).toBeNull();
    expect(call('URL_EXTRACT_HOST', ['not a url'], [s])).toBeNull();
  });

  it("encodes and decodes parameters like Java's URLEncoder", () => {
    expect(call('URL_ENCODE_PARAM', ['a b~c/é'], [s])).toBe('a+b%7Ec%2F%C3%A9');
    expect(call('URL_DECODE_PARAM', ['a+b%7Ec%2F%C3%A9'], [s])).toBe('a b~c/é');
  });

  it('JSON_ITEMS splits a JSON array into JSON texts', () => {
    expect(call('JSON_ITEMS', ['[1.50, {"a": "b"}, "x"]'], [s])).toEqual([
      '1.50',
      '{"a":"b"}',
      '"x"',
    ]);
  });
});
