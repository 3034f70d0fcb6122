/**
 * Tokens of a Java DateTimeFormatter / SimpleDateFormat pattern: runs of one letter (`yyyy`),
 * quoted literals (`'T'`, `''` for a quote) and other characters, which are literal.
 */
export type PatternToken =
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  | { readonly kind: 'literal'; readonly text: string };

const CACHE = new Map<string, readonly PatternToken[]>();

export function tokenizePattern(pattern: string): readonly PatternToken[] {
  const cached = CACHE.get(pattern);
  if (cached) return cached;
  const tokens: PatternToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      const [text, next] = readQuoted(pattern, i);
      tokens.push({ kind: 'literal', text });
      i = next;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else if (c === '[' || c === ']') {
      i++;
    } else {
      tokens.push({ kind: 'literal', text: c });
      i++;
    }
  }
  if (CACHE.size > 512) CACHE.clear();
  CACHE.set(pattern, tokens);
  return tokens;
}

function readQuoted(pattern: string, start: number): [string, number] {
  if (pattern[start + 1] === "'") return ["'", start + 2];
  let text = '';
  let i = start + 1;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      if (pattern[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return [text, i + 1];
    }
    text += pattern[i];
    i++;
  }
  throw new Error(`Unterminated quote in date pattern '${pattern}'`);
}
