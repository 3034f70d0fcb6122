import type { SchemaRegistryPort } from '../engine/ports';
import type { QttCase } from './qtt-case';

/** A registry the runner can seed; `registerWithId` only where ids can be pinned. */
export interface SeedableRegistry extends Pick<SchemaRegistryPort, 'register'> {
  registerWithId?(subject: string, schema: unknown, id: number): void;
}

/** True when the case needs schemas registered under exact ids. */
export function pinsSchemaIds(c: QttCase): boolean {
  return c.topics.some((t) => t.keySchemaId !== undefined || t.valueSchemaId !== undefined);
}

/**
 * Registers the Avro schemas of the case's `topics` under `<topic>-key` / `<topic>-value`
 * (topic names as `physical` maps them), as QTT's mock registry does; schemas with
 * `keySchemaId`/`valueSchemaId` get exactly that id, so they go first and the registry numbers
 * the others after them. Protobuf (text) and JSON schemas belong to out-of-scope formats and
 * are left out.
 */
export async function registerCaseSchemas(
  c: QttCase,
  registry: SeedableRegistry,
  physical: (topic: string) => string = (t) => t,
): Promise<void> {
  const entries = c.topics.flatMap((t) => [
    {
      subject: `${physical(t.name)}-key`,
      format: t.keyFormat,
      schema: t.keySchema,
      id: t.keySchemaId,
    },
    {
      subject: `${physical(t.name)}-value`,
      format: t.valueFormat,
      schema: t.valueSchema,
      id: t.valueSchemaId,
    },
  ]);
  const avro = entries.filter(
    (e) =>
      e.schema !== undefined &&
      e.schema !== null &&
      (e.format === undefined || e.format.toUpperCase() === 'AVRO'),
  );
  for (const e of avro) {
    if (e.id === undefined) continue;
    if (!registry.registerWithId)
      throw new Error(`schema id ${e.id} cannot be pinned in this registry`);
    registry.registerWithId(e.subject, e.schema, e.id);
  }
  for (const e of avro) if (e.id === undefined) await registry.register(e.subject, e.schema);
}
