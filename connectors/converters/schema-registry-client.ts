import { ConversionError, RetriableError } from '../errors';

/**
 * A minimal Confluent schema-registry client (the `/subjects` and `/schemas/ids` endpoints),
 * caching ids both ways so steady-state conversion makes no HTTP calls.
 */
export interface SchemaRegistryClient {
  register(subject: string, schema: string): Promise<number>;
  schemaById(id: number): Promise<string>;
}

export interface SchemaRegistryOptions {
  readonly url: string;
  readonly fetch?: typeof fetch;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const clients = new Map<string, SchemaRegistryClient>();

/** One client (and cache) per registry URL, shared by every converter of the process. */
export function schemaRegistryClient(options: SchemaRegistryOptions): SchemaRegistryClient {
  const url = options.url.replace(/\/+$/, '');
  const existing = clients.get(url);
  if (existing !== undefined && options.fetch === undefined) return existing;
  const doFetch = options.fetch ?? fetch;
  const idsBySchema = new Map<string, Promise<number>>();
  const schemasById = new Map<number, Promise<string>>();

  async function call(path: string, init?: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${url}${path}`, {
        ...init,
        headers: { 'Content-Type': CONTENT_TYPE, Accept: CONTENT_TYPE },
      });
    } catch (cause) {
      throw new RetriableError(`schema registry ${url} unreachable`, { cause });
    }
    const text = await response.text();
    if (!response.ok) {
      const error = `schema registry ${init?.method ?? 'GET'} ${path} answered ${response.status}: ${text}`;
      throw response.status >= 500 ? new RetriableError(error) : new ConversionError(error);
    }
    return JSON.parse(text) as unknown;
  }

  const client: SchemaRegistryClient = {
    register(subject, schema) {
      const cacheKey = `${subject}\u0000${schema}`;
      let id = idsBySchema.get(cacheKey);
      if (id === undefined) {
        id = call(`/subjects/${encodeURIComponent(subject)}/versions`, {
          method: 'POST',
          body: JSON.stringify({ schema }),
        }).then((body) => Number((body as { id: number }).id));
        id.catch(() => idsBySchema.delete(cacheKey));
        idsBySchema.set(cacheKey, id);
      }
      return id;
    },
    schemaById(id) {
      let schema = schemasById.get(id);
      if (schema === undefined) {
        schema = call(`/schemas/ids/${id}`).then((body) =>
          String((body as { schema: string }).schema),
        );
        schema.catch(() => schemasById.delete(id));
        schemasById.set(id, schema);
      }
      return schema;
    },
  };
  if (options.fetch === undefined) clients.set(url, client);
  return client;
}
