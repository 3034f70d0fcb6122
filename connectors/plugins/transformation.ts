import type { ConfigDef } from '../config/config-def';
import type { ConnectRecord } from '../data/connect-record';
import type { Props } from './source-connector';

/**
 * A single message transform (SMT). `apply` returns a new record (spread the input so source
 * coordinates survive) or null to drop it. Configured from `transforms.<alias>.*` with the
 * prefix removed.
 */
export interface Transformation {
  configure(props: Props): void;
  apply<R extends ConnectRecord>(record: R): R | null;
  close(): void;
}

export interface TransformationPlugin {
  readonly className: string;
  readonly version: string;
  readonly configDef: ConfigDef;
  create(): Transformation;
}
