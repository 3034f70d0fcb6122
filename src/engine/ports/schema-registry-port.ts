import type { SchemaRegistryPort as SerdeSchemaRegistry } from '../../../topology';

/**
 * The schema registry as the engine uses it: the serdes' port (register, look up by id, latest
 * of a subject; schemas as parsed Avro JSON) plus the subject administration that
 * `DROP ... DELETE TOPIC` and SHOW need. Subjects are `<topic>-key` / `<topic>-value`. One
 * instance serves both the engine and its serde factory, so they see the same schemas.
 */
export interface SchemaRegistryPort extends SerdeSchemaRegistry {
  listSubjects(): Promise<readonly string[]>;
  /** Deletes every version of the subject (soft, then hard); a missing subject is no error. */
  deleteSubject(subject: string): Promise<void>;
}
