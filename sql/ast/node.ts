import type { Span } from './span';

/** Every AST node: a literal `kind` and the source range it was parsed from. */
export interface AstNode {
  readonly kind: string;
  readonly span: Span;
}

/**
 * The same-named companion of a node interface (kysely style): `ColumnRef.create({...})`
 * builds a node, `ColumnRef.is(node)` narrows one.
 */
export interface NodeFactory<N extends AstNode> {
  readonly kind: N['kind'];
  create(props: Omit<N, 'kind'>): N;
  is(node: AstNode | undefined | null): node is N;
}

export function nodeFactory<N extends AstNode>(kind: N['kind']): NodeFactory<N> {
  return Object.freeze({
    kind,
    create: (props: Omit<N, 'kind'>): N => ({ kind, ...props }) as unknown as N,
    is: (node: AstNode | undefined | null): node is N => node?.kind === kind,
  });
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
