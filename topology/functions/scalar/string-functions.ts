import type { ScalarFunction, Value } from '../function-contract';
import { scalarFn, strictFn } from '../support/define';
import { javaRegex } from '../support/regex';

const isBytes = (v: Value): v is Buffer => Buffer.isBuffer(v);
/** Java's String.trim: strips every character up to U+0020 from both ends (or one end). */
function javaTrim(s: string, leading = true, trailing = true): string {
  let start = 0;
  let end = s.length;
  while (leading && start < end && s.charCodeAt(start) <= 0x20) start++;
  while (trailing && end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.substring(start, end);
}

function substring(args: readonly Value[], legacy: boolean): Value {
  const [value, pos, length] = args as [string | Buffer, number, number | undefined];
  const size = value.length;
  let start: number;
  let end: number;
  if (legacy) {
    start = pos;
    end = length ?? size;
    if (start < 0 || end > size || start > end) return null;
  } else {
    start = pos < 0 ? Math.max(size + pos, 0) : Math.max(pos - 1, 0);
    end = length === undefined ? size : Math.min(start + Math.max(length, 0), size);
    if (start >= size) return isBytes(value) ? Buffer.alloc(0) : '';
  }
  return isBytes(value) ? value.subarray(start, end) : value.substring(start, end);
}

function instr(args: readonly Value[]): number {
  const [str, sub, position = 1, occurrence = 1] = args as [string, string, number?, number?];
  let idx: number;
  if (position < 0) {
    idx = str.lastIndexOf(sub, str.length + position);
    for (let n = 1; n < occurrence && idx >= 0; n++)
      idx = idx === 0 ? -1 : str.lastIndexOf(sub, idx - 1);
  } else {
    idx = str.indexOf(sub, Math.max(position - 1, 0));
    for (let n = 1; n < occurrence && idx >= 0; n++) idx = str.indexOf(sub, idx + 1);
  }
  return idx + 1;
}

function pad(left: boolean) {
  return (args: readonly Value[]): Value => {
    const [input, length, padding] = args as [string | Buffer, number, string | Buffer];
    if (length < 0 || padding.length === 0) return null;
    if (isBytes(input)) {
      const fill = Buffer.alloc(Math.max(length - input.length, 0), padding);
      return (left ? Buffer.concat([fill, input]) : Buffer.concat([input, fill])).subarray(
        0,
        length,
      );
    }
    if (length <= input.length) return input.substring(0, length);
    const fill = (padding as string)
      .repeat(Math.ceil((length - input.length) / padding.length))
      .substring(0, length - input.length);
    return left ? fill + input : input + fill;
  };
}

function concat(args: readonly Value[], ctx: { argTypes: readonly { kind: string }[] }): Value {
  const present = args.filter((a) => a !== null && a !== undefined);
  if (ctx.argTypes[0]?.kind === 'BYTES' || present.some(isBytes))
    return Buffer.concat(present as Buffer[]);
  return (present as string[]).join('');
}

function concatWs(args: readonly Value[]): Value {
  const [separator, ...rest] = args;
  if (separator === null || separator === undefined) return null;
  const present = rest.filter((a) => a !== null && a !== undefined);
  if (isBytes(separator)) {
    const parts: Buffer[] = [];
    present.forEach((p, i) => parts.push(...(i > 0 ? [separator] : []), p as Buffer));
    return Buffer.concat(parts);
  }
  return (present as string[]).join(separator as string);
}

function split(args: readonly Value[]): Value {
  const [input, delimiter] = args as [string | Buffer, string | Buffer];
  if (isBytes(input)) {
    const delim = delimiter as Buffer;
    if (delim.length === 0) return [...input].map((b) => Buffer.from([b]));
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = input.indexOf(delim, from); at >= 0; at = input.indexOf(delim, from)) {
      parts.push(input.subarray(from, at));
      from = at + delim.length;
    }
    parts.push(input.subarray(from));
    return parts;
  }
  const text = input;
  return delimiter === '' ? [...text] : text.split(delimiter as string);
}

function splitToMap(args: readonly Value[]): Value {
  const [input, entryDelim, kvDelim] = args as [string, string, string];
  const map = new Map<string, string>();
  for (const entry of input.split(entryDelim)) {
    const at = entry.indexOf(kvDelim);
    if (entry === '' || at < 0) continue;
    map.set(entry.substring(0, at), entry.substring(at + kvDelim.length));
  }
  return map;
}

function initcap(args: readonly Value[]): Value {
  return (args[0] as string)
    .split(/\s/)
    .map((w) => (w.length > 0 ? w[0]!.toUpperCase() + w.substring(1).toLowerCase() : w))
    .join(' ');
}

function regexpExtract(all: boolean) {
  return (args: readonly Value[]): Value => {
    const [pattern, input, group = 0] = args as [string, string, number?];
    const regex = javaRegex(all ? 'REGEXP_EXTRACT_ALL' : 'REGEXP_EXTRACT', pattern);
    const matches = [...input.matchAll(regex)];
    if (matches.some((m) => group >= m.length)) return null;
    if (all) return matches.map((m) => m[group] ?? null);
    return matches[0]?.[group] ?? null;
  };
}

export const stringImplementations: readonly ScalarFunction[] = [
  scalarFn('CONCAT', concat),
  scalarFn('CONCAT_WS', concatWs),
  strictFn('LEN', ([s]) => (s as string | Buffer).length),
  strictFn('UCASE', ([s]) => (s as string).toUpperCase()),
  strictFn('LCASE', ([s]) => (s as string).toLowerCase()),
  strictFn('INITCAP', initcap),
  strictFn('TRIM', ([s]) => javaTrim(s as string)),
  strictFn('LTRIM', ([s]) => javaTrim(s as string, true, false)),
  strictFn('RTRIM', ([s]) => javaTrim(s as string, false, true)),
  strictFn('SUBSTRING', (args, ctx) =>
    substring(args, ctx.config['ksql.functions.substring.legacy.args'] === 'true'),
  ),
  strictFn('REPLACE', ([s, sub, rep]) =>
    (s as string).replaceAll(sub as string, () => rep as string),
  ),
  strictFn('REGEXP_REPLACE', ([s, re, rep]) =>
    (s as string).replace(
      javaRegex('REGEXP_REPLACE', re as string),
      (rep as string).replace(/\\\$/g, '$$$$'),
    ),
  ),
  strictFn('REGEXP_EXTRACT', regexpExtract(false)),
  strictFn('REGEXP_EXTRACT_ALL', regexpExtract(true)),
  strictFn('REGEXP_SPLIT_TO_ARRAY', ([s, re]) =>
    (s as string).split(javaRegex('REGEXP_SPLIT_TO_ARRAY', re as string)),
  ),
  strictFn('SPLIT', split),
  strictFn('SPLIT_TO_MAP', splitToMap),
  strictFn('INSTR', instr),
  strictFn('LPAD', pad(true)),
  strictFn('RPAD', pad(false)),
];
