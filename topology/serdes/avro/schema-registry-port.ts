/**
 * The schema registry as the AVRO serde needs it (Confluent's REST API). Schemas travel as
 * parsed Avro schema JSON. Implementations: `HttpSchemaRegistry` (a real registry: Confluent,
 * Redpanda, Apicurio's ccompat API) and `InMemorySchemaRegistry` (tests, offline tools).
 */
export interface SchemaRegistryPort {
  /** Registers (or finds) the schema under the subject; resolves to its global id. */
  register(subject: string, schema: unknown): Promise<number>;
  /** The schema with this global id; rejects when unknown. */
  schemaById(id: number): Promise<unknown>;
  /** The latest version under the subject, or undefined when the subject does not exist. */
  latest(subject: string): Promise<{ id: number; schema: unknown } | undefined>;
}

export class SchemaRegistryError extends Error {
  readonly code = 'SCHEMA_REGISTRY_ERROR';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SchemaRegistryError';
  }
}

export class InMemorySchemaRegistry implements SchemaRegistryPort {
  private readonly byId = new Map<number, unknown>();
  private readonly idByText = new Map<string, number>();
  private readonly subjects = new Map<string, number[]>();
  private nextId = 1;

  register(subject: string, schema: unknown): Promise<number> {
    const text = JSON.stringify(schema);
    let id = this.idByText.get(text);
    if (id === undefined) {
      id = this.nextId++;
      this.idByText.set(text, id);
      this.byId.set(id, JSON.parse(text));
    }
    const versions = this.subjects.get(subject) ?? [];
    if (!versions.includes(id)) this.subjects.set(subject, [...versions, id]);
    return Promise.resolve(id);
  }

  /** Pins a schema to an id, as QTT's `keySchemaId`/`valueSchemaId` require. */
  registerWithId(subject: string, schema: unknown, id: number): void {
    this.byId.set(id, schema);
    this.idByText.set(JSON.stringify(schema), id);
    this.subjects.set(subject, [...(this.subjects.get(subject) ?? []), id]);
    this.nextId = Math.max(this.nextId, id + 1);
  }

  schemaById(id: number): Promise<unknown> {
    const schema = this.byId.get(id);
    return schema === undefined
      ? Promise.reject(new SchemaRegistryError(`Schema ${id} not found`, 404, false))
      : Promise.resolve(schema);
  }

  latest(subject: string): Promise<{ id: number; schema: unknown } | undefined> {
    const id = this.subjects.get(subject)?.at(-1);
    return Promise.resolve(id === undefined ? undefined : { id, schema: this.byId.get(id) });
  }
}

/** A Confluent-compatible registry over HTTP; `url` includes any API prefix (`.../apis/ccompat/v7`). */
export class HttpSchemaRegistry implements SchemaRegistryPort {
  private readonly url: string;
  constructor(options: { readonly url: string }) {
    this.url = options.url.replace(/\/+$/, '');
  }

  async register(subject: string, schema: unknown): Promise<number> {
    const body = JSON.stringify({ schema: JSON.stringify(schema), schemaType: 'AVRO' });
    const res = await this.call('POST', `/subjects/${encodeURIComponent(subject)}/versions`, body);
    return (res as { id: number }).id;
  }

  async schemaById(id: number): Promise<unknown> {
    const res = (await this.call('GET', `/schemas/ids/${id}`)) as { schema: string };
    return JSON.parse(res.schema) as unknown;
  }

  async latest(subject: string): Promise<{ id: number; schema: unknown } | undefined> {
    try {
      const res = (await this.call(
        'GET',
        `/subjects/${encodeURIComponent(subject)}/versions/latest`,
      )) as { id: number; schema: string };
      return { id: res.id, schema: JSON.parse(res.schema) as unknown };
    } catch (e) {
      if (e instanceof SchemaRegistryError && e.status === 404) return undefined;
      throw e;
    }
  }

  private async call(method: string, path: string, body?: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(this.url + path, {
        method,
        headers: {
          'Content-Type': 'application/vnd.schemaregistry.v1+json',
          Accept: 'application/json',
        },
        ...(body === undefined ? {} : { body }),
      });
    } catch (cause) {
      throw new SchemaRegistryError(`Schema registry ${this.url} unreachable`, undefined, true, {
        cause,
      });
    }
    const text = await res.text();
    if (!res.ok) {
      throw new SchemaRegistryError(
        `${method} ${path} failed with ${res.status}: ${text}`,
        res.status,
        res.status >= 500,
      );
    }
    return JSON.parse(text) as unknown;
  }
}
