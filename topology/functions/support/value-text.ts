import type { SqlType } from '../../spec';
import type { Value } from '../function-contract';
import { javaDoubleToString } from './java-double';
import { scalarText, toDecimal } from './numbers';

/**
 * A value as Java's `toString` renders it, which is what ksqlDB shows when a value becomes text
 * (ARRAY_JOIN, CAST(x AS STRING), string concatenation): `1.0` for DOUBLE, DECIMAL with its
 * scale, `[a, b]` for arrays, `{k=v}` for maps, `Struct{A=1}` for structs, `null` for NULL.
 */
export function toJavaText(value: Value, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'DOUBLE':
      return javaDoubleToString(Number(value));
    case 'DECIMAL':
      return toDecimal(value).toFixed(type.scale);
    case 'BYTES':
      return (value as Buffer).toString('base64');
    case 'ARRAY':
      return `[${(value as Value[]).map((v) => toJavaText(v, type.element)).join(', ')}]`;
    case 'MAP':
      return `{${[...(value as Map<unknown, Value>)].map(([k, v]) => `${toJavaText(k, type.key)}=${toJavaText(v, type.value)}`).join(', ')}}`;
    case 'STRUCT': {
      const obj = value as Record<string, Value>;
      const fields = type.fields.filter((f) => obj[f.name] !== null && obj[f.name] !== undefined);
      return `Struct{${fields.map((f) => `${f.name}=${toJavaText(obj[f.name], f.type)}`).join(',')}}`;
    }
    default:
      return scalarText(value);
  }
}
