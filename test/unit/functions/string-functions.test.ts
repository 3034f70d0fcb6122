import { SqlTypes as T } from '../../../topology/spec';
import { NullArg } from '../../../sql/functions';
import { call } from './call';

const s = T.string;
const i = T.integer;
const b64 = (text: string) => Buffer.from(text, 'base64');

describe('string functions (QTT substring, concat, instr, lpad/rpad, len)', () => {
  it('SUBSTRING counts from 1, clamps, and handles bytes', () => {
    expect(call('SUBSTRING', ['some_string', 6], [s, i])).toBe('string');
    expect(call('SUBSTRING', ['short', 6], [s, i])).toBe('');
    expect(call('SUBSTRING', ['some_string', 6, 3], [s, i, i])).toBe('str');
    expect(call('SUBSTRING', ['another', 6, 3], [s, i, i])).toBe('er');
    expect(call('SUBSTRING', ['some string', 0, 2], [s, i, i])).toBe('so');
    expect(call('SUBSTRING', ['some_string', null], [s, i])).toBeNull();
    expect(
      (call('SUBSTRING', [b64('c29tZV9zdHJpbmc='), 6, 3], [T.bytes, i, i]) as Buffer).toString(
        'base64',
      ),
    ).toBe('c3Ry');
  });

  it('SUBSTRING with legacy args uses 0-based start and end indexes', () => {
    const legacy = { 'ksql.functions.substring.legacy.args': 'true' };
    expect(call('SUBSTRING', ['some_string', 5], [s, i], legacy)).toBe('string');
    expect(call('SUBSTRING', ['some_string', 1, 4], [s, i, i], legacy)).toBe('ome');
  });

  it('CONCAT skips NULLs; CONCAT_WS skips NULL inputs and is NULL for a NULL separator', () => {
    expect(call('CONCAT', ['prefix-', 's1', '-postfix'], [s, s, s])).toBe('prefix-s1-postfix');
    expect(
      call('CONCAT_WS', ['SEP', 'foo', null, 'baz', null, 'literal'], [s, s, s, s, NullArg, s]),
    ).toBe('fooSEPbazSEPliteral');
    expect(call('CONCAT_WS', [null, 'foo'], [s, s])).toBeNull();
    const bytes = call(
      'CONCAT_WS',
      [b64('YQ=='), b64('Yg=='), b64(''), null, b64('bm8=')],
      [T.bytes, T.bytes, T.bytes, NullArg, T.bytes],
    );
    expect((bytes as Buffer).toString('base64')).toBe('YmFhbm8=');
  });

  it('INSTR searches forwards, backwards and for the n-th occurrence', () => {
    expect(call('INSTR', ['corporate floor', 'or'], [s, s])).toBe(2);
    expect(call('INSTR', ['corporate floor', 'or', 4], [s, s, i])).toBe(5);
    expect(call('INSTR', ['corporate floor', 'or', 4, 2], [s, s, i, i])).toBe(14);
    expect(call('INSTR', ['corporate floor', 'or', -4], [s, s, i])).toBe(5);
    expect(call('INSTR', ['corporate floor', 'or', -4, 2], [s, s, i, i])).toBe(2);
    expect(call('INSTR', ['short', 'or', -4, 2], [s, s, i, i])).toBe(0);
  });

  it('LPAD and RPAD pad, truncate, and give NULL for a negative length or empty padding', () => {
    expect(call('LPAD', ['foo', 7, 'Bar'], [s, i, s])).toBe('BarBfoo');
    expect(call('LPAD', ['foo', 2, 'Bar'], [s, i, s])).toBe('fo');
    expect(call('LPAD', ['foo', -1, 'Bar'], [s, i, s])).toBeNull();
    expect(call('LPAD', ['foo', 7, ''], [s, i, s])).toBeNull();
    expect(call('RPAD', ['foo', 5, 'Bar'], [s, i, s])).toBe('fooBa');
    expect(call('RPAD', ['', 7, 'Bar'], [s, i, s])).toBe('BarBarB');
  });

  it('LEN counts characters of strings and bytes of BYTES', () => {
    expect(call('LEN', ['ABC'], [s])).toBe(3);
    expect(call('LEN', [b64('YWJj')], [T.bytes])).toBe(3);
    expect(call('LEN', [null], [s])).toBeNull();
  });

  it('masks, trims, splits, replaces and extracts', () => {
    expect(call('MASK', ['AbC-12'], [s])).toBe('XxX-nn');
    expect(call('MASK_KEEP_LEFT', ['AbC-12', 2], [s, i])).toBe('AbX-nn');
    expect(call('MASK_RIGHT', ['AbC-12', 2, null, null, '#', null], [s, i, s, s, s, s])).toBe(
      'AbC-##',
    );
    expect(call('TRIM', ['  a b \t'], [s])).toBe('a b');
    expect(call('SPLIT', ['a,b,,c,', ','], [s, s])).toEqual(['a', 'b', '', 'c', '']);
    expect(call('SPLIT_TO_MAP', ['a=1;b=2', ';', '='], [s, s, s])).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
    expect(call('REPLACE', ['a$b$c', '$', '$$'], [s, s, s])).toBe('a$$b$$c');
    expect(call('REGEXP_REPLACE', ['aXbXXc', 'X+', '-'], [s, s, s])).toBe('a-b-c');
    expect(call('REGEXP_EXTRACT', ['(\\d+)-(\\d+)', 'tel 12-34', 2], [s, s, i])).toBe('34');
    expect(call('INITCAP', ['hello WORLD'], [s])).toBe('Hello World');
    expect(call('ELT', [2, 'a', 'b'], [i, s, s])).toBe('b');
    expect(call('FIELD', ['b', 'a', 'b'], [s, s, s])).toBe(2);
    expect(call('CHR', [75], [i])).toBe('K');
    expect(
      call('FROM_BYTES', [call('TO_BYTES', ['6869', 'hex'], [s, s]), 'utf8'], [T.bytes, s]),
    ).toBe('hi');
  });
});
