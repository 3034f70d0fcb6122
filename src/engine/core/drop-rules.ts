import type { SourceDefinition } from '../../../sql';
import { type DropSource } from './sql-ast';
import type { Metastore } from './metastore';
import { rejected } from './statement-errors';

/**
 * Whether `DROP` may remove the source: the statement names the right kind, DELETE TOPIC is
 * not used on a read-only SOURCE, and no persistent query reads or writes it (ksqlDB's rule:
 * terminate them first).
 */
export function checkDroppable(metastore: Metastore, statement: DropSource, source: SourceDefinition): void {
  if (source.kind !== statement.sourceType) {
    throw rejected(`Incompatible data source type is ${source.kind}, but statement was DROP ${statement.sourceType}`);
  }
  if (statement.deleteTopic && source.readOnly) {
    throw rejected(`Cannot delete topic for read-only source: ${source.name}`);
  }
  const readers = metastore.readersOf(source.name).map((q) => q.id);
  const writers = metastore.writersOf(source.name).map((q) => q.id);
  if (readers.length + writers.length > 0) {
    throw rejected(
      `Cannot drop ${source.name}.\nThe following queries read from this source: [${readers.join(', ')}].\n` +
        `The following queries write into this source: [${writers.join(', ')}].\n` +
        `You need to terminate them before dropping ${source.name}.`,
    );
  }
}
