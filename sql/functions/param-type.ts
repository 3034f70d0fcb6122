import type { SqlType } from '../../topology/spec';

/**
 * The type of a declared function parameter. Besides concrete SQL types a parameter may be
 * generic (`T`), any DECIMAL, any STRUCT, a time unit keyword (`DAYS`) or a lambda.
 */
export type ParamType =
  | { readonly kind: 'concrete'; readonly type: SqlType }
  | { readonly kind: 'anyDecimal' }
  | { readonly kind: 'anyStruct' }
  | { readonly kind: 'generic'; readonly name: string }
  | { readonly kind: 'array'; readonly element: ParamType }
  | { readonly kind: 'map'; readonly key: ParamType; readonly value: ParamType }
  | { readonly kind: 'intervalUnit' }
  | { readonly kind: 'lambda'; readonly params: readonly ParamType[]; readonly returns: ParamType };

export function formatParamType(type: ParamType): string {
  switch (type.kind) {
    case 'concrete':
      return formatConcrete(type.type);
    case 'anyDecimal':
      return 'DECIMAL';
    case 'anyStruct':
      return 'STRUCT';
    case 'generic':
      return type.name;
    case 'array':
      return `ARRAY<${formatParamType(type.element)}>`;
    case 'map':
      return `MAP<${formatParamType(type.key)}, ${formatParamType(type.value)}>`;
    case 'intervalUnit':
      return 'INTERVALUNIT';
    case 'lambda': {
      const params = type.params.map(formatParamType).join(', ');
      return `LAMBDA<(${params}) => ${formatParamType(type.returns)}>`;
    }
  }
}

function formatConcrete(type: SqlType): string {
  switch (type.kind) {
    case 'ARRAY':
      return `ARRAY<${formatConcrete(type.element)}>`;
    case 'MAP':
      return `MAP<${formatConcrete(type.key)}, ${formatConcrete(type.value)}>`;
    case 'DECIMAL':
      return 'DECIMAL';
    case 'STRUCT':
      return 'STRUCT';
    default:
      return type.kind;
  }
}
