import {
  assertNever,
  type Query,
  type Relation,
  type SelectItem,
  type WindowExpression,
} from '../ast';
import { Precedence } from '../parser';
import { printExpression } from './print-expression';
import { printDuration, printIdentifier } from './print-names';

export interface PrintOptions {
  /** One clause per line (for EXPLAIN and humans); the default is one line (command log, logs). */
  readonly pretty?: boolean;
}

export function printQuery(query: Query, options: PrintOptions = {}): string {
  const parts = [
    `SELECT ${query.select.map(printSelectItem).join(', ')}`,
    `FROM ${printRelation(query.from)}`,
  ];
  if (query.window !== undefined) parts.push(`WINDOW ${printWindow(query.window)}`);
  if (query.where !== undefined) parts.push(`WHERE ${printExpression(query.where)}`);
  if (query.groupBy !== undefined)
    parts.push(`GROUP BY ${query.groupBy.map((e) => printExpression(e)).join(', ')}`);
  if (query.having !== undefined) parts.push(`HAVING ${printExpression(query.having)}`);
  if (query.partitionBy !== undefined) {
    parts.push(`PARTITION BY ${query.partitionBy.map((e) => printExpression(e)).join(', ')}`);
  }
  if (query.emit !== undefined) parts.push(`EMIT ${query.emit}`);
  if (query.limit !== undefined) parts.push(`LIMIT ${query.limit}`);
  return parts.join(options.pretty === true ? '\n' : ' ');
}

function printSelectItem(item: SelectItem): string {
  switch (item.kind) {
    case 'SelectAll':
      return item.source === undefined ? '*' : `${printIdentifier(item.source)}.*`;
    case 'SelectStructAll':
      return `${printExpression(item.base, Precedence.postfix)}->*`;
    case 'SelectColumn': {
      const expression = printExpression(item.expression);
      return item.alias === undefined
        ? expression
        : `${expression} AS ${printIdentifier(item.alias)}`;
    }
    default:
      return assertNever(item, 'select item');
  }
}

export function printRelation(relation: Relation): string {
  switch (relation.kind) {
    case 'AliasedSource': {
      const name = printIdentifier(relation.name);
      return relation.alias === undefined ? name : `${name} AS ${printIdentifier(relation.alias)}`;
    }
    case 'Join': {
      const within = relation.within;
      let withinText = '';
      if (within !== undefined) {
        withinText =
          within.after === undefined
            ? ` WITHIN ${printDuration(within.before)}`
            : ` WITHIN (${printDuration(within.before)}, ${printDuration(within.after)})`;
        if (within.grace !== undefined)
          withinText += ` GRACE PERIOD ${printDuration(within.grace)}`;
      }
      const right = printRelation(relation.right);
      const on = printExpression(relation.on);
      return `${printRelation(relation.left)} ${relation.joinType} JOIN ${right}${withinText} ON ${on}`;
    }
    default:
      return assertNever(relation, 'relation');
  }
}

export function printWindow(window: WindowExpression): string {
  const options: string[] = [];
  switch (window.kind) {
    case 'TumblingWindow':
      options.push(`SIZE ${printDuration(window.size)}`);
      break;
    case 'HoppingWindow':
      options.push(
        `SIZE ${printDuration(window.size)}`,
        `ADVANCE BY ${printDuration(window.advance)}`,
      );
      break;
    case 'SessionWindow':
      options.push(printDuration(window.gap));
      break;
    default:
      return assertNever(window, 'window');
  }
  if (window.retention !== undefined) options.push(`RETENTION ${printDuration(window.retention)}`);
  if (window.grace !== undefined) options.push(`GRACE PERIOD ${printDuration(window.grace)}`);
  const type =
    window.kind === 'TumblingWindow'
      ? 'TUMBLING'
      : window.kind === 'HoppingWindow'
        ? 'HOPPING'
        : 'SESSION';
  return `${type} (${options.join(', ')})`;
}
