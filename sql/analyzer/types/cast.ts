import type { SqlType } from '../../../topology/spec';
import { isNumeric } from './numeric';

const TEMPORAL = new Set(['TIMESTAMP', 'DATE', 'TIME']);

/** Whether ksqlDB can CAST a value of type `from` to `to`. */
export function isCastable(from: SqlType, to: SqlType): boolean {
  if (from.kind === to.kind && !['ARRAY', 'MAP', 'STRUCT'].includes(from.kind)) return true;
  if (to.kind === 'STRING') return true;
  if (isNumeric(from) && isNumeric(to)) return true;
  if (from.kind === 'STRING')
    return isNumeric(to) || to.kind === 'BOOLEAN' || TEMPORAL.has(to.kind) || to.kind === 'BYTES';
  if (TEMPORAL.has(from.kind) && TEMPORAL.has(to.kind))
    return from.kind === 'TIMESTAMP' || to.kind === 'TIMESTAMP';
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return isCastable(from.element, to.element);
  if (from.kind === 'MAP' && to.kind === 'MAP')
    return isCastable(from.key, to.key) && isCastable(from.value, to.value);
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') {
    return to.fields.every((t) => {
      const f = from.fields.find((x) => x.name === t.name);
      return f === undefined || isCastable(f.type, t.type);
    });
  }
  return false;
}
