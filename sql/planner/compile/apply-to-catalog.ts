import type { InMemoryCatalog } from '../../catalog';
import type { CompiledStatement } from './compiled-statement';

/**
 * Applies a compiled statement's catalog change to an in-memory catalog, as the engine does
 * once the statement is accepted (explain, tests and the QTT runner use it).
 */
export function applyToCatalog(catalog: InMemoryCatalog, compiled: CompiledStatement): void {
  switch (compiled.kind) {
    case 'CreateSource':
    case 'AlterSource':
      catalog.putSource(compiled.source);
      return;
    case 'DropSource':
      catalog.dropSource(compiled.name);
      return;
    case 'CreateType':
      catalog.putType(compiled.name, compiled.type);
      return;
    case 'DropType':
      catalog.dropType(compiled.name);
      return;
    case 'PersistentQuery':
      if (compiled.createsSink) catalog.putSource(compiled.sink);
      return;
    default:
      return;
  }
}
