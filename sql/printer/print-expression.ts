import { assertNever, type Expression } from '../ast';
import { Precedence } from '../parser';
import { printIdentifier, printString } from './print-names';
import { printType } from './print-type';

/** How tightly an expression binds, on the parser's scale: looser children get parentheses. */
export function precedenceOf(expression: Expression): number {
  switch (expression.kind) {
    case 'Logical':
      return expression.operator === 'OR' ? Precedence.or : Precedence.and;
    case 'Not':
      return Precedence.not;
    case 'Comparison':
    case 'IsNull':
    case 'Between':
    case 'InList':
    case 'Like':
      return Precedence.comparison;
    case 'Arithmetic':
      return expression.operator === '*' ||
        expression.operator === '/' ||
        expression.operator === '%'
        ? Precedence.multiplicative
        : Precedence.additive;
    case 'UnaryArithmetic':
      return Precedence.unary;
    case 'Subscript':
    case 'Dereference':
      return Precedence.postfix;
    case 'Lambda':
      return Precedence.lambda;
    default:
      return Precedence.primary;
  }
}

/** Canonical SQL for an expression; parenthesised where the tree differs from the default binding. */
export function printExpression(
  expression: Expression,
  minPrecedence: number = Precedence.lambda,
): string {
  const text = printBare(expression);
  return precedenceOf(expression) < minPrecedence ? `(${text})` : text;
}

const list = (items: readonly Expression[]): string =>
  items.map((e) => printExpression(e)).join(', ');

function printBare(e: Expression): string {
  const p = precedenceOf(e);
  switch (e.kind) {
    case 'StringLiteral':
      return printString(e.value);
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'BooleanLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'NullLiteral':
      return 'NULL';
    case 'ColumnRef':
      return e.source === undefined
        ? printIdentifier(e.name)
        : `${printIdentifier(e.source)}.${printIdentifier(e.name)}`;
    case 'Arithmetic':
    case 'Logical':
    case 'Comparison':
      return `${printExpression(e.left, p)} ${e.operator} ${printExpression(e.right, p + 1)}`;
    case 'UnaryArithmetic': {
      const operand = printExpression(e.operand, p);
      return /^[-+]/.test(operand) ? `${e.operator} ${operand}` : `${e.operator}${operand}`;
    }
    case 'Not':
      return `NOT ${printExpression(e.operand, p)}`;
    case 'IsNull':
      return `${printExpression(e.operand, p)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'Between':
      return `${printExpression(e.operand, p)} ${e.negated ? 'NOT ' : ''}BETWEEN ${printExpression(e.low, p + 1)} AND ${printExpression(e.high, p + 1)}`;
    case 'InList':
      return `${printExpression(e.operand, p)} ${e.negated ? 'NOT ' : ''}IN (${list(e.values)})`;
    case 'Like': {
      const escape = e.escape === undefined ? '' : ` ESCAPE ${printExpression(e.escape, p + 1)}`;
      return `${printExpression(e.operand, p)} ${e.negated ? 'NOT ' : ''}LIKE ${printExpression(e.pattern, p + 1)}${escape}`;
    }
    case 'Case': {
      const operand = e.operand === undefined ? '' : ` ${printExpression(e.operand)}`;
      const whens = e.whens.map(
        (w) => ` WHEN ${printExpression(w.condition)} THEN ${printExpression(w.result)}`,
      );
      const otherwise = e.else === undefined ? '' : ` ELSE ${printExpression(e.else)}`;
      return `CASE${operand}${whens.join('')}${otherwise} END`;
    }
    case 'Cast':
      return `CAST(${printExpression(e.operand)} AS ${printType(e.type)})`;
    case 'Dereference':
      return `${printExpression(e.base, p)}->${printIdentifier(e.field)}`;
    case 'Subscript':
      return `${printExpression(e.base, p)}[${printExpression(e.index)}]`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((f) => `${printIdentifier(f.name)} := ${printExpression(f.value)}`).join(', ')})`;
    case 'ArrayConstructor':
      return `ARRAY[${list(e.elements)}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((m) => `${printExpression(m.key)} := ${printExpression(m.value)}`).join(', ')})`;
    case 'FunctionCall': {
      const args = e.star ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${list(e.args)}`;
      return `${printIdentifier(e.name)}(${args})`;
    }
    case 'Lambda': {
      const params = e.params.map(printIdentifier);
      const head = params.length === 1 ? (params[0] ?? '') : `(${params.join(', ')})`;
      return `${head} => ${printExpression(e.body)}`;
    }
    case 'TimeUnitArg':
      return e.unit;
    default:
      return assertNever(e, 'expression');
  }
}
