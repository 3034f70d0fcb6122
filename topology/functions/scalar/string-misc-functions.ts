import { randomUUID } from 'node:crypto';
import type { ScalarFunction, Value } from '../function-contract';
import { FunctionError } from '../function-contract';
import { scalarFn, strictFn } from '../support/define';

type Masker = (c: string) => string;

function masker(args: readonly Value[], from: number): Masker {
  const pick = (i: number, fallback: string): string | null => {
    if (args.length <= from) return fallback;
    const v = args[from + i];
    return v === null || v === undefined ? null : (v as string).substring(0, 1);
  };
  const upper = pick(0, 'X');
  const lower = pick(1, 'x');
  const digit = pick(2, 'n');
  const other = pick(3, '-');
  return (c) => {
    if (/\p{Lu}/u.test(c)) return upper ?? c;
    if (/\p{Ll}/u.test(c)) return lower ?? c;
    if (/\p{Nd}/u.test(c)) return digit ?? c;
    return other ?? c;
  };
}

/** Masks `input[from, to)` (clamped). */
function maskRange(input: string, from: number, to: number, mask: Masker): string {
  const chars = [...input];
  const a = Math.max(0, Math.min(from, chars.length));
  const b = Math.max(a, Math.min(to, chars.length));
  return chars.map((c, i) => (i >= a && i < b ? mask(c) : c)).join('');
}

type MaskKind = 'all' | 'keepLeft' | 'keepRight' | 'left' | 'right';

function maskFn(name: string, kind: MaskKind): ScalarFunction {
  return scalarFn(name, (args) => {
    const input = args[0];
    if (input === null || input === undefined) return null;
    const s = input as string;
    if (kind === 'all') return maskRange(s, 0, s.length, masker(args, 1));
    const n = args[1];
    if (n === null || n === undefined) return null;
    const count = n as number;
    if (count < 0) throw new FunctionError(name, 'function input must be >= 0');
    const mask = masker(args, 2);
    const len = [...s].length;
    switch (kind) {
      case 'keepLeft':
        return maskRange(s, count, len, mask);
      case 'keepRight':
        return maskRange(s, 0, len - count, mask);
      case 'left':
        return maskRange(s, 0, count, mask);
      case 'right':
        return maskRange(s, len - count, len, mask);
    }
  });
}

function uuidOf(bytes: Buffer): Value {
  if (bytes.length !== 16) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function chr(code: Value): Value {
  if (typeof code === 'number') {
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : null;
  }
  const m = /^\\u([0-9a-fA-F]{4})$/.exec(code as string);
  return m?.[1] ? String.fromCharCode(parseInt(m[1], 16)) : null;
}

const ENCODINGS = new Map<string, BufferEncoding>([
  ['hex', 'hex'],
  ['utf8', 'utf8'],
  ['ascii', 'ascii'],
  ['base64', 'base64'],
]);

function encoding(fn: string, name: Value): BufferEncoding {
  const enc = ENCODINGS.get(String(name).toLowerCase());
  if (!enc)
    throw new FunctionError(
      fn,
      `Supported encodings are: hex, utf8, ascii and base64, not '${String(name)}'`,
    );
  return enc;
}

function toBytes(fn: string, input: string, enc: BufferEncoding): Buffer {
  if (enc === 'hex' && !/^([0-9a-fA-F]{2})*$/.test(input))
    throw new FunctionError(fn, `'${input}' is not hex`);
  return Buffer.from(input, enc);
}

export const stringMiscImplementations: readonly ScalarFunction[] = [
  maskFn('MASK', 'all'),
  maskFn('MASK_KEEP_LEFT', 'keepLeft'),
  maskFn('MASK_KEEP_RIGHT', 'keepRight'),
  maskFn('MASK_LEFT', 'left'),
  maskFn('MASK_RIGHT', 'right'),
  scalarFn('UUID', (args) =>
    args.length === 0 ? randomUUID() : args[0] == null ? null : uuidOf(args[0] as Buffer),
  ),
  strictFn('CHR', ([code]) => chr(code)),
  scalarFn('ELT', ([n, ...rest]) =>
    typeof n === 'number' && n >= 1 && n <= rest.length ? (rest[n - 1] ?? null) : null,
  ),
  scalarFn('FIELD', ([str, ...rest]) => (str == null ? 0 : rest.indexOf(str) + 1)),
  strictFn('ENCODE', ([input, from, to]) =>
    toBytes('ENCODE', input as string, encoding('ENCODE', from)).toString(encoding('ENCODE', to)),
  ),
  strictFn('TO_BYTES', ([input, enc]) =>
    toBytes('TO_BYTES', input as string, encoding('TO_BYTES', enc)),
  ),
  strictFn('FROM_BYTES', ([input, enc]) => (input as Buffer).toString(encoding('FROM_BYTES', enc))),
];
