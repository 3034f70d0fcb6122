import { rowCodec } from '../../../topology';
import type { Column, Expression } from '../../../topology/spec';
import { keyByteRange } from '../../../src/engine/pull/key-range';
import { keyCandidates } from '../../../src/engine/pull/key-candidates';

const STRING = { kind: 'STRING' } as const;
const BOOLEAN = { kind: 'BOOLEAN' } as const;
const K: Column = { name: 'K', type: STRING };
const key = { kind: 'ColumnRef', name: 'K', type: STRING } as const;
const lit = (value: string): Expression => ({ kind: 'Literal', value, type: STRING });
const cmp = (op: '>=' | '>' | '<=' | '<' | '=', value: string): Expression => ({ kind: 'Comparison', op, left: key, right: lit(value), type: BOOLEAN });
const and = (left: Expression, right: Expression): Expression => ({ kind: 'LogicalBinary', op: 'AND', left, right, type: BOOLEAN });
const between = (low: string, high: string): Expression => ({ kind: 'Between', negated: false, operand: key, low: lit(low), high: lit(high), type: BOOLEAN });

const encode = (s: string): Buffer => rowCodec([K]).encode([s]);

/** Strings around the tricky characters: quotes, backslashes, controls, spaces, non-ASCII. */
const SAMPLES = ['', 'a', 'a b', 'a"', 'a\\', 'a\u0001', 'A', 'M', 'Z', 'm', 'n', 'north', 'nörth', 'n\u00ff', 'z', '~', '\u4e2d', '#', '!', 'ab', 'a~', 'b', 'x y'];

describe('byte ranges of pull queries on STRING keys', () => {
  it.each([
    ['K >= a', cmp('>=', 'a'), (s: string) => s >= 'a'],
    ['K > a b', cmp('>', 'a b'), (s: string) => s > 'a b'],
    ['K <= n', cmp('<=', 'n'), (s: string) => s <= 'n'],
    ['K < north', cmp('<', 'north'), (s: string) => s < 'north'],
    ['BETWEEN A AND M', between('A', 'M'), (s: string) => s >= 'A' && s <= 'M'],
    ['K >= a" AND K <= z', and(cmp('>=', 'a"'), cmp('<=', 'z')), (s: string) => s >= 'a"' && s <= 'z'],
  ])('never leaves out a matching key: %s', (_name, predicate, matches) => {
    const range = keyByteRange(predicate, [K])!;
    for (const s of SAMPLES.filter(matches)) {
      const bytes = encode(s);
      expect([s, Buffer.compare(bytes, range.from) >= 0 && Buffer.compare(bytes, range.to) <= 0]).toEqual([s, true]);
    }
  });

  it('narrows a lower bound of plain characters to its prefix', () => {
    expect(keyByteRange(cmp('>=', 'north'), [K])?.from.toString()).toBe('["north');
    expect(keyByteRange(cmp('>=', 'no rth'), [K])?.from.toString()).toBe('["no');
  });

  it('leaves other key types and predicates without bounds to a scan', () => {
    expect(keyByteRange(cmp('=', 'a'), [K])).toBeUndefined();
    expect(keyByteRange(cmp('>=', 'a'), [{ name: 'K', type: { kind: 'INTEGER' } }])).toBeUndefined();
  });
});

describe('key lookups of pull queries', () => {
  it('takes the key values of = and IN, and the smallest set of AND-ed conjuncts', () => {
    const inList: Expression = { kind: 'In', negated: false, operand: key, list: [lit('a'), lit('b')], type: BOOLEAN };
    expect(keyCandidates(inList, [K])).toEqual(['a', 'b']);
    expect(keyCandidates(and(inList, cmp('=', 'b')), [K])).toEqual(['b']);
    expect(keyCandidates(cmp('>=', 'b'), [K])).toBeUndefined();
  });

  it('casts a literal to the key type', () => {
    const bigintKey: Column = { name: 'K', type: { kind: 'BIGINT' } };
    const ref = { kind: 'ColumnRef', name: 'K', type: { kind: 'BIGINT' } } as const;
    const eq: Expression = { kind: 'Comparison', op: '=', left: ref, right: { kind: 'Literal', value: 7, type: { kind: 'INTEGER' } }, type: BOOLEAN };
    expect(keyCandidates(eq, [bigintKey])).toEqual([7n]);
  });
});
