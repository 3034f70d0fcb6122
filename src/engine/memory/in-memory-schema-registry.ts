/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of asynchronous ports: nothing to wait for */
import type { SchemaRegistryPort } from '../ports';

/**
 * A schema registry in memory; ids are global and assigned in registration order from 1. It
 * can pin a schema to an id, as the conformance cases' `keySchemaId`/`valueSchemaId` need.
 */
export class InMemorySchemaRegistry implements SchemaRegistryPort {
  private readonly schemas = new Map<number, unknown>();
  private readonly idByText = new Map<string, number>();
  private readonly subjects = new Map<string, number[]>();
  private nextId = 1;

  async register(subject: string, schema: unknown): Promise<number> {
    const text = JSON.stringify(schema);
    let id = this.idByText.get(text);
    if (id === undefined) {
      id = this.nextId++;
      this.idByText.set(text, id);
      this.schemas.set(id, JSON.parse(text));
    }
    const versions = this.subjects.get(subject) ?? [];
    if (!versions.includes(id)) this.subjects.set(subject, [...versions, id]);
    return id;
  }

  registerWithId(subject: string, schema: unknown, id: number): void {
    this.schemas.set(id, schema);
    this.idByText.set(JSON.stringify(schema), id);
    this.subjects.set(subject, [...(this.subjects.get(subject) ?? []), id]);
    this.nextId = Math.max(this.nextId, id + 1);
  }

  async schemaById(id: number): Promise<unknown> {
    const schema = this.schemas.get(id);
    if (schema === undefined) throw new Error(`Schema ${id} not found`);
    return schema;
  }

  async latest(subject: string): Promise<{ id: number; schema: unknown } | undefined> {
    const id = this.subjects.get(subject)?.at(-1);
    return id === undefined ? undefined : { id, schema: this.schemas.get(id) };
  }

  async listSubjects(): Promise<readonly string[]> {
    return [...this.subjects.keys()].sort();
  }

  async deleteSubject(subject: string): Promise<void> {
    this.subjects.delete(subject);
  }
}
