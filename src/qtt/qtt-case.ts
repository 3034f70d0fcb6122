/**
 * QTT (ksqlDB query-validation test) cases as Brook reads them. JSON numbers stay exact: they
 * are `ExactNumber`s holding the source text (`1.10`, `4.6116860184273879E18`), because QTT
 * compares decimals with their scale and longs beyond 2^53.
 */
export interface ExactNumber {
  readonly kind: 'exact-number';
  readonly text: string;
}

export type QttJson =
  null | boolean | string | ExactNumber | readonly QttJson[] | { readonly [k: string]: QttJson };

export interface QttWindow {
  readonly start: number;
  readonly end: number;
  readonly type: 'time' | 'session';
}

export interface QttRecord {
  readonly topic: string;
  readonly key: QttJson;
  readonly value: QttJson;
  /** Absent on an expected output: any timestamp matches. */
  readonly timestamp?: number;
  readonly window?: QttWindow;
  readonly headers?: readonly { readonly KEY: string; readonly VALUE: string | null }[];
}

export interface QttTopic {
  readonly name: string;
  readonly partitions?: number;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  readonly keySchema?: QttJson;
  readonly valueSchema?: QttJson;
  readonly keySchemaId?: number;
  readonly valueSchemaId?: number;
}

export interface QttExpectedException {
  readonly type?: string;
  readonly message?: string;
}

/** One expanded case: a test node for one `format` and one `config` value. */
export interface QttCase {
  readonly file: string;
  /** `<file stem> - <name>[ - <FORMAT>][ - <prop>=<value>]`, as QTT names it. */
  readonly name: string;
  readonly statements: readonly string[];
  readonly inputs: readonly QttRecord[];
  readonly outputs: readonly QttRecord[];
  readonly topics: readonly QttTopic[];
  readonly properties: Readonly<Record<string, string>>;
  readonly format?: string;
  readonly expectedException?: QttExpectedException;
  readonly post?: QttJson;
}
