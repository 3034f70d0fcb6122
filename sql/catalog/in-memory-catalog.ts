import type { SqlType } from '../../topology/spec';
import type { Catalog } from './catalog';
import type { SourceDefinition } from './source';

/**
 * A mutable catalog in memory: `brook explain` builds one from a file's DDL, tests seed one,
 * and the engine can wrap it behind its command log.
 */
export class InMemoryCatalog implements Catalog {
  private readonly sources = new Map<string, SourceDefinition>();
  private readonly types = new Map<string, SqlType>();

  constructor(sources: readonly SourceDefinition[] = []) {
    for (const source of sources) this.putSource(source);
  }

  getSource(name: string): SourceDefinition | undefined {
    return this.sources.get(name);
  }

  listSources(): readonly SourceDefinition[] {
    return [...this.sources.values()];
  }

  getType(name: string): SqlType | undefined {
    return this.types.get(name);
  }

  listTypes(): readonly { readonly name: string; readonly type: SqlType }[] {
    return [...this.types.entries()].map(([name, type]) => ({ name, type }));
  }

  putSource(source: SourceDefinition): void {
    this.sources.set(source.name, source);
  }

  dropSource(name: string): boolean {
    return this.sources.delete(name);
  }

  putType(name: string, type: SqlType): void {
    this.types.set(name, type);
  }

  dropType(name: string): boolean {
    return this.types.delete(name);
  }

  /** A copy that can be changed without touching this one (statement dry runs). */
  clone(): InMemoryCatalog {
    const copy = new InMemoryCatalog(this.listSources());
    for (const { name, type } of this.listTypes()) copy.putType(name, type);
    return copy;
  }
}
