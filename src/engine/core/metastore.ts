import { type Catalog, InMemoryCatalog, type SourceDefinition } from '../../../sql';
import type { SqlType } from '../../../topology/spec';
import type { PersistentQuery } from './persistent-query';

/**
 * The engine's catalog: streams, tables, custom types and persistent queries, as rebuilt from
 * the command log. It is the `Catalog` the analyzer compiles against. Mutated only by command
 * application, so every engine of a service holds the same metastore.
 */
export class Metastore implements Catalog {
  private readonly catalog = new InMemoryCatalog();
  private readonly queries = new Map<string, PersistentQuery>();

  getSource(name: string): SourceDefinition | undefined {
    return this.catalog.getSource(name);
  }

  listSources(): readonly SourceDefinition[] {
    return [...this.catalog.listSources()].sort((a, b) => a.name.localeCompare(b.name));
  }

  getType(name: string): SqlType | undefined {
    return this.catalog.getType(name);
  }

  listTypes(): readonly { readonly name: string; readonly type: SqlType }[] {
    return [...this.catalog.listTypes()].sort((a, b) => a.name.localeCompare(b.name));
  }

  putSource(source: SourceDefinition): void {
    this.catalog.putSource(source);
  }

  dropSource(name: string): boolean {
    return this.catalog.dropSource(name);
  }

  putType(name: string, type: SqlType): void {
    this.catalog.putType(name, type);
  }

  dropType(name: string): boolean {
    return this.catalog.dropType(name);
  }

  addQuery(query: PersistentQuery): void {
    this.queries.set(query.id, query);
  }

  removeQuery(id: string): PersistentQuery | undefined {
    const query = this.queries.get(id);
    this.queries.delete(id);
    return query;
  }

  getQuery(id: string): PersistentQuery | undefined {
    return this.queries.get(id) ?? [...this.queries.values()].find((q) => q.id.toUpperCase() === id.toUpperCase());
  }

  listQueries(): readonly PersistentQuery[] {
    return [...this.queries.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Queries that read the source. */
  readersOf(name: string): readonly PersistentQuery[] {
    return this.listQueries().filter((q) => q.sources.includes(name));
  }

  /** Queries that write the source (its CSAS/CTAS and any INSERT INTO). */
  writersOf(name: string): readonly PersistentQuery[] {
    return this.listQueries().filter((q) => q.sink === name);
  }

  /** A copy for dry runs: sources and types only. */
  snapshot(): Catalog {
    return this.catalog.clone();
  }
}
