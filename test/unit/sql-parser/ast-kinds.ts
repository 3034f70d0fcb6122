import type { AstNode } from '../../../sql/ast';

/** Every `kind` found anywhere in an AST value. */
export function collectKinds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectKinds(item, into);
  } else if (value !== null && typeof value === 'object') {
    const node = value as Partial<AstNode> & Record<string, unknown>;
    if (typeof node.kind === 'string') into.add(node.kind);
    for (const [key, child] of Object.entries(node)) if (key !== 'span') collectKinds(child, into);
  }
  return into;
}
