import { sameSqlType, type SqlType, type StructField } from '../../../topology/spec';
import { isNumeric, widenNumeric } from './numeric';

/**
 * The type two branches of a CASE, the elements of an ARRAY constructor, the arguments of
 * COALESCE and the like are coerced to. Numbers widen; structs merge field by field (a field
 * missing on one side is null there); otherwise the types must match.
 */
export function commonType(a: SqlType, b: SqlType): SqlType | undefined {
  if (sameSqlType(a, b)) return a;
  if (isNumeric(a) && isNumeric(b)) return widenNumeric(a, b);
  if (a.kind === 'ARRAY' && b.kind === 'ARRAY') {
    const element = commonType(a.element, b.element);
    return element && { kind: 'ARRAY', element };
  }
  if (a.kind === 'MAP' && b.kind === 'MAP') {
    const key = commonType(a.key, b.key);
    const value = commonType(a.value, b.value);
    return key && value && { kind: 'MAP', key, value };
  }
  if (a.kind === 'STRUCT' && b.kind === 'STRUCT') return mergeStructs(a.fields, b.fields);
  return undefined;
}

function mergeStructs(a: readonly StructField[], b: readonly StructField[]): SqlType | undefined {
  const fields: StructField[] = [];
  for (const field of a) {
    const other = b.find((f) => f.name === field.name);
    const type = other ? commonType(field.type, other.type) : field.type;
    if (!type) return undefined;
    fields.push({ name: field.name, type });
  }
  for (const field of b) if (!a.some((f) => f.name === field.name)) fields.push(field);
  return { kind: 'STRUCT', fields };
}

/** Whether a type is, or contains, a MAP (not allowed in keys). */
export function containsMap(type: SqlType): boolean {
  switch (type.kind) {
    case 'MAP':
      return true;
    case 'ARRAY':
      return containsMap(type.element);
    case 'STRUCT':
      return type.fields.some((f) => containsMap(f.type));
    default:
      return false;
  }
}

/** Whether a value of type `from` may be assigned to a column of type `to` without a cast. */
export function isAssignable(from: SqlType, to: SqlType): boolean {
  if (sameSqlType(from, to)) return true;
  if (isNumeric(from) && isNumeric(to)) {
    const wider = widenNumeric(from, to);
    return wider !== undefined && sameSqlType(wider, to);
  }
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return isAssignable(from.element, to.element);
  if (from.kind === 'MAP' && to.kind === 'MAP') {
    return isAssignable(from.key, to.key) && isAssignable(from.value, to.value);
  }
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') {
    return from.fields.every((f) => {
      const target = to.fields.find((t) => t.name === f.name);
      return target !== undefined && isAssignable(f.type, target.type);
    });
  }
  return false;
}
