import { nodeFactory, type AstNode } from './node';

/** How an identifier was written: bare (upper-cased), `backticks` or "double quotes" (both kept as written). */
export type IdentifierQuote = 'none' | 'backtick' | 'double';

/**
 * A name. `name` is the normalised name the catalog uses (upper case when unquoted);
 * `text` is the name as written, without quotes and with doubled quote characters collapsed.
 */
export interface Identifier extends AstNode {
  readonly kind: 'Identifier';
  readonly name: string;
  readonly text: string;
  readonly quote: IdentifierQuote;
}
export const Identifier = nodeFactory<Identifier>('Identifier');
