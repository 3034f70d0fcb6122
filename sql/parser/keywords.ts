/**
 * Words that cannot be unquoted identifiers, because a clause or an operator starts with them
 * (an alias may follow a column or a source without AS, so these must stop it). Every other
 * keyword (KEY, VALUE, TYPE, SIZE, TIMESTAMP, DATE, ...) is also a valid column name.
 */
const reserved = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'HAVING',
  'WINDOW',
  'PARTITION',
  'EMIT',
  'LIMIT',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'OUTER',
  'ON',
  'WITHIN',
  'GRACE',
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'IN',
  'BETWEEN',
  'LIKE',
  'ESCAPE',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'AS',
  'WITH',
  'CREATE',
  'INSERT',
  'INTO',
  'VALUES',
  'DROP',
  'DISTINCT',
]);

export function isReserved(upperWord: string): boolean {
  return reserved.has(upperWord);
}
