/**
 * Compiles a SQL LIKE pattern to a RegExp: `%` any sequence, `_` one character, `escape`
 * makes the next character literal. Matching is case-sensitive over the whole string.
 */
export function likeToRegExp(pattern: string, escape: string | null): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (escape !== null && ch === escape && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i]!);
    } else if (ch === '%') {
      source += '[\\s\\S]*';
    } else if (ch === '_') {
      source += '[\\s\\S]';
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
