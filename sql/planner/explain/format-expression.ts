import { formatSqlType, type Expression } from '../../../topology/spec';
import { assertNever } from '../../ast';

/** An IR expression as SQL-like text, for EXPLAIN. */
export function formatExpression(e: Expression): string {
  const f = formatExpression;
  switch (e.kind) {
    case 'ColumnRef':
    case 'PseudoColumn':
    case 'LambdaVariable':
      return e.name;
    case 'Literal':
      if (e.value === null) return 'null';
      return e.type.kind === 'STRING'
        ? `'${String(e.value).replace(/'/g, "''")}'`
        : String(e.value);
    case 'FunctionCall':
      return `${e.name}(${e.args.map(f).join(', ')})`;
    case 'Arithmetic':
      return `(${f(e.left)} ${e.op} ${f(e.right)})`;
    case 'Negate':
      return `-${f(e.operand)}`;
    case 'Comparison':
      return `(${f(e.left)} ${e.op} ${f(e.right)})`;
    case 'IsDistinctFrom':
      return `(${f(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${f(e.right)})`;
    case 'LogicalBinary':
      return `(${f(e.left)} ${e.op} ${f(e.right)})`;
    case 'Not':
      return `(NOT ${f(e.operand)})`;
    case 'Case':
      return `(CASE ${e.whens.map((w) => `WHEN ${f(w.condition)} THEN ${f(w.result)}`).join(' ')}${e.else ? ` ELSE ${f(e.else)}` : ''} END)`;
    case 'Cast':
      return `CAST(${f(e.operand)} AS ${formatSqlType(e.type)})`;
    case 'In':
      return `(${f(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(f).join(', ')}))`;
    case 'Between':
      return `(${f(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${f(e.low)} AND ${f(e.high)})`;
    case 'Like':
      return `(${f(e.operand)} ${e.negated ? 'NOT ' : ''}LIKE ${f(e.pattern)})`;
    case 'IsNull':
      return `(${f(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'Subscript':
      return `${f(e.base)}[${f(e.index)}]`;
    case 'Dereference':
      return `${f(e.base)}->${e.field}`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((x) => `${x.name}:=${f(x.value)}`).join(', ')})`;
    case 'ArrayConstructor':
      return `ARRAY[${e.elements.map(f).join(', ')}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((x) => `${f(x.key)}:=${f(x.value)}`).join(', ')})`;
    case 'Lambda':
      return `(${e.params.map((p) => p.name).join(', ')}) => ${f(e.body)}`;
    default:
      return assertNever(e, 'expression');
  }
}
