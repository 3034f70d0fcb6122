import { avroSerde, AvroTypeCache } from './avro/avro-serde';
import { HttpSchemaRegistry, type SchemaRegistryPort } from './avro/schema-registry-port';
import { delimitedSerde } from './delimited-serde';
import { jsonSerde } from './json-serde';
import { kafkaSerde } from './kafka-serde';
import { SerdeError, type Serde, type SerdeFactory, type SerdeRequest } from './serde-contract';
import { windowedSerde } from './windowed-serde';

export interface SerdeFactoryOptions {
  /** The registry AVRO uses; takes precedence over `schemaRegistryUrl`. */
  readonly schemaRegistry?: SchemaRegistryPort;
  /** A Confluent-compatible registry URL, API prefix included (`http://127.0.0.1:8081/apis/ccompat/v7`). */
  readonly schemaRegistryUrl?: string;
}

/**
 * Creates the serde for a request: KAFKA, JSON, AVRO, DELIMITED or NONE, wrapped in Kafka
 * Streams' windowed key layout when the request has a window. Creation validates the columns
 * against the format and throws `SerdeError` for unsupported combinations.
 */
export class BrookSerdeFactory implements SerdeFactory {
  private readonly avroCache: AvroTypeCache | undefined;

  constructor(options: SerdeFactoryOptions = {}) {
    const registry =
      options.schemaRegistry ??
      (options.schemaRegistryUrl
        ? new HttpSchemaRegistry({ url: options.schemaRegistryUrl })
        : undefined);
    this.avroCache = registry ? new AvroTypeCache(registry) : undefined;
  }

  create(request: SerdeRequest): Serde {
    return windowedSerde(this.inner(request), request);
  }

  private inner(request: SerdeRequest): Serde {
    const format = request.format.format;
    switch (format) {
      case 'KAFKA':
        return kafkaSerde(request);
      case 'JSON':
        return jsonSerde(request);
      case 'DELIMITED':
        return delimitedSerde(request);
      case 'AVRO':
        if (!this.avroCache)
          throw new SerdeError(
            'The AVRO format needs a schema registry',
            request.topic,
            request.isKey,
          );
        return avroSerde(request, this.avroCache);
      case 'NONE':
        return noneSerde(request);
    }
  }
}

export function createSerdeFactory(options: SerdeFactoryOptions = {}): BrookSerdeFactory {
  return new BrookSerdeFactory(options);
}

/** NONE: no columns on this side; bytes are ignored. */
function noneSerde(request: SerdeRequest): Serde {
  if (request.columns.length > 0) {
    throw new SerdeError('The NONE format cannot carry columns', request.topic, request.isKey);
  }
  return {
    serialize: () => Promise.resolve(null),
    deserialize: () => Promise.resolve({ row: [] }),
  };
}
