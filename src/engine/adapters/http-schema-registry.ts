import { HttpSchemaRegistry } from '../../../topology';
import type { SchemaRegistryPort } from '../ports';

/**
 * The engine's registry port over a Confluent-compatible registry (Confluent, Redpanda,
 * Apicurio's ccompat API): the serdes' HTTP client plus subject listing and deletion.
 */
export class HttpEngineSchemaRegistry implements SchemaRegistryPort {
  private readonly client: HttpSchemaRegistry;
  private readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/+$/, '');
    this.client = new HttpSchemaRegistry({ url: this.url });
  }

  register(subject: string, schema: unknown): Promise<number> {
    return this.client.register(subject, schema);
  }

  schemaById(id: number): Promise<unknown> {
    return this.client.schemaById(id);
  }

  latest(subject: string): Promise<{ id: number; schema: unknown } | undefined> {
    return this.client.latest(subject);
  }

  async listSubjects(): Promise<readonly string[]> {
    const res = await fetch(`${this.url}/subjects`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET /subjects failed with ${res.status}`);
    return ((await res.json()) as string[]).sort();
  }

  async deleteSubject(subject: string): Promise<void> {
    const path = `${this.url}/subjects/${encodeURIComponent(subject)}`;
    for (const suffix of ['', '?permanent=true']) {
      const res = await fetch(path + suffix, { method: 'DELETE', headers: { Accept: 'application/json' } });
      if (!res.ok && res.status !== 404) throw new Error(`DELETE ${path}${suffix} failed with ${res.status}: ${await res.text()}`);
    }
  }
}
