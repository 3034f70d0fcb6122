import type { Expression } from '../../ast';
import type { Scope } from '../scope';

/** An expression as ksqlDB prints it in join messages: `LEFT_TABLE.ID1`, `(S1.ID = 0)`. */
export function joinText(node: Expression, scope: Scope): string {
  switch (node.kind) {
    case 'ColumnRef': {
      if (node.source) return `${node.source.name}.${node.name.name}`;
      const owner = scope.sources.find((s) => s.columns.some((c) => c.name === node.name.name));
      return owner ? `${owner.alias}.${node.name.name}` : node.name.name;
    }
    case 'Comparison':
      return `(${joinText(node.left, scope)} ${node.operator} ${joinText(node.right, scope)})`;
    case 'Logical':
      return `(${joinText(node.left, scope)} ${node.operator} ${joinText(node.right, scope)})`;
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return node.text;
    case 'StringLiteral':
      return `'${node.value}'`;
    case 'NullLiteral':
      return 'null';
    case 'BooleanLiteral':
      return String(node.value).toUpperCase();
    case 'Arithmetic':
      return `(${joinText(node.left, scope)} ${node.operator} ${joinText(node.right, scope)})`;
    case 'FunctionCall':
      return `${node.name.name}(${node.args.map((a) => joinText(a, scope)).join(', ')})`;
    default:
      return node.kind;
  }
}

/** The aliases of the sources an expression reads. */
export function referencedSources(node: Expression, scope: Scope): Set<string> {
  const found = new Set<string>();
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    const record = n as { kind?: string; source?: { name: string }; name?: { name: string } };
    if (record.kind === 'ColumnRef' && record.name) {
      if (record.source) found.add(record.source.name);
      else {
        const owner = scope.sources.find((s) =>
          s.columns.some((c) => c.name === record.name?.name),
        );
        if (owner) found.add(owner.alias);
      }
      return;
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'span') visit(value);
  };
  visit(node);
  return found;
}
