import { assertNever, type Expression, type Identifier } from '../../../sql/ast';

const id = (i: Identifier): string => i.name;

/** A compact prefix form of an expression tree, so tests can state precedence at a glance. */
export function sexpr(e: Expression): string {
  switch (e.kind) {
    case 'StringLiteral':
      return `'${e.value}'`;
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'BooleanLiteral':
      return String(e.value);
    case 'NullLiteral':
      return 'null';
    case 'ColumnRef':
      return e.source === undefined ? id(e.name) : `${id(e.source)}.${id(e.name)}`;
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
      return `(${e.operator} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'UnaryArithmetic':
      return `(${e.operator} ${sexpr(e.operand)})`;
    case 'Not':
      return `(not ${sexpr(e.operand)})`;
    case 'IsNull':
      return `(${e.negated ? 'is-not-null' : 'is-null'} ${sexpr(e.operand)})`;
    case 'Between':
      return `(${e.negated ? 'not-between' : 'between'} ${sexpr(e.operand)} ${sexpr(e.low)} ${sexpr(e.high)})`;
    case 'InList':
      return `(${e.negated ? 'not-in' : 'in'} ${sexpr(e.operand)} ${e.values.map(sexpr).join(' ')})`;
    case 'Like':
      return `(${e.negated ? 'not-like' : 'like'} ${sexpr(e.operand)} ${sexpr(e.pattern)}${e.escape ? ` ${sexpr(e.escape)}` : ''})`;
    case 'Case':
      return `(case${e.operand ? ` ${sexpr(e.operand)}` : ''}${e.whens.map((w) => ` [${sexpr(w.condition)} ${sexpr(w.result)}]`).join('')}${e.else ? ` else ${sexpr(e.else)}` : ''})`;
    case 'Cast':
      return `(cast ${sexpr(e.operand)} ${e.type.kind})`;
    case 'Dereference':
      return `(-> ${sexpr(e.base)} ${id(e.field)})`;
    case 'Subscript':
      return `([] ${sexpr(e.base)} ${sexpr(e.index)})`;
    case 'StructConstructor':
      return `(struct${e.fields.map((f) => ` ${id(f.name)}=${sexpr(f.value)}`).join('')})`;
    case 'ArrayConstructor':
      return `(array${e.elements.map((x) => ` ${sexpr(x)}`).join('')})`;
    case 'MapConstructor':
      return `(map${e.entries.map((m) => ` ${sexpr(m.key)}=${sexpr(m.value)}`).join('')})`;
    case 'FunctionCall':
      return `(${id(e.name)}${e.star ? ' *' : ''}${e.distinct ? ' distinct' : ''}${e.args.map((a) => ` ${sexpr(a)}`).join('')})`;
    case 'Lambda':
      return `(lambda (${e.params.map(id).join(' ')}) ${sexpr(e.body)})`;
    case 'TimeUnitArg':
      return e.unit;
    default:
      return assertNever(e);
  }
}
