import type { ScalarFunction, Value } from '../function-contract';
import { strictFn } from '../support/define';

function parseUrl(text: Value): URL | undefined {
  try {
    return new URL(text as string);
  } catch {
    return undefined;
  }
}

/** Java's URLEncoder: keeps `a-zA-Z0-9.-*_`, writes space as `+`, percent-encodes the rest (UTF-8, upper-case hex). */
function javaUrlEncode(input: string): string {
  let out = '';
  for (const byte of Buffer.from(input, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function javaUrlDecode(input: string): string {
  return decodeURIComponent(input.replace(/\+/g, ' '));
}

const nonEmpty = (s: string) => (s === '' ? null : s);

/** A URL part, NULL when the URL does not parse or has no such part. */
const part = (name: string, get: (url: URL) => Value): ScalarFunction =>
  strictFn(name, ([text]) => {
    const url = parseUrl(text);
    return url ? get(url) : null;
  });

export const urlImplementations: readonly ScalarFunction[] = [
  strictFn('URL_DECODE_PARAM', ([s]) => javaUrlDecode(s as string)),
  strictFn('URL_ENCODE_PARAM', ([s]) => javaUrlEncode(s as string)),
  part('URL_EXTRACT_FRAGMENT', (u) => nonEmpty(decodeURIComponent(u.hash.replace(/^#/, '')))),
  part('URL_EXTRACT_HOST', (u) => nonEmpty(u.hostname)),
  strictFn(
    'URL_EXTRACT_PARAMETER',
    ([text, name]) => parseUrl(text)?.searchParams.get(name as string) ?? null,
  ),
  part('URL_EXTRACT_PATH', (u) => decodeURIComponent(u.pathname)),
  part('URL_EXTRACT_PORT', (u) => (u.port === '' ? null : Number(u.port))),
  part('URL_EXTRACT_PROTOCOL', (u) => u.protocol.replace(/:$/, '')),
  part('URL_EXTRACT_QUERY', (u) => nonEmpty(decodeURIComponent(u.search.replace(/^\?/, '')))),
];
