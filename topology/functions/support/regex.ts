import { FunctionError } from '../function-contract';

const CACHE = new Map<string, RegExp>();
const CACHE_LIMIT = 256;

/**
 * Compiles a Java regular expression as a JavaScript one (global). The common syntax is shared;
 * Java's leading inline flags `(?i)`, `(?s)`, `(?m)` become RegExp flags. Compiled patterns are
 * cached because they usually come from literals in the query.
 */
export function javaRegex(fn: string, pattern: string): RegExp {
  const cached = CACHE.get(pattern);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  let source = pattern;
  let flags = 'gu';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline?.[1]) {
    flags += inline[1];
    source = source.slice(inline[0].length);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch {
    try {
      regex = new RegExp(source, flags.replace('u', ''));
    } catch (cause) {
      throw new FunctionError(fn, `invalid regular expression '${pattern}'`, { cause });
    }
  }
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(pattern, regex);
  return regex;
}
