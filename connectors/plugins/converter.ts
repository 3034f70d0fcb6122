import type { ConnectSchema } from '../data/connect-schema';
import type { Props } from './source-connector';

export interface SchemaAndValue {
  readonly schema: ConnectSchema | null;
  readonly value: unknown;
}

/**
 * Turns Connect data into record bytes and back (`key.converter`, `value.converter`). Configured
 * from the `<key|value>.converter.*` properties with the prefix removed; asynchronous because
 * schema-registry converters talk to the registry.
 */
export interface Converter {
  configure(props: Props, isKey: boolean): void;
  fromConnectData(
    topic: string,
    schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null>;
  toConnectData(topic: string, bytes: Buffer | null): Promise<SchemaAndValue>;
}

export interface ConverterDeps {
  readonly fetch?: typeof fetch;
}

export interface ConverterPlugin {
  readonly className: string;
  create(deps: ConverterDeps): Converter;
}
