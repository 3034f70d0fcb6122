import type { TableRef } from './cdc-catalog';
import type { KeyTexts } from './chunk-query';

/** Offset keys of an unfinished incremental snapshot (Debezium's names, JSON-encoded values). */
const OFFSET_COLLECTIONS = 'incremental_snapshot_collections';
const OFFSET_PRIMARY_KEY = 'incremental_snapshot_primary_key';
const OFFSET_MAXIMUM_KEY = 'incremental_snapshot_maximum_key';
const OFFSET_PREFIX = 'incremental_snapshot_';

/** What a restart needs to continue: the tables left, and how far the first one got. */
export interface SnapshotProgress {
  readonly tables: readonly { readonly ref: TableRef; readonly condition: string | null }[];
  readonly emittedKey: KeyTexts | null;
  readonly maximumKey: KeyTexts | null;
}

interface StoredCollection {
  readonly incremental_snapshot_collections_id: string;
  readonly incremental_snapshot_collections_additional_condition: string | null;
}

export function progressOffset(progress: SnapshotProgress): Record<string, string> {
  if (progress.tables.length === 0) return {};
  const collections: StoredCollection[] = progress.tables.map((t) => ({
    incremental_snapshot_collections_id: `${t.ref.schema}.${t.ref.table}`,
    incremental_snapshot_collections_additional_condition: t.condition,
  }));
  return {
    [OFFSET_COLLECTIONS]: JSON.stringify(collections),
    [OFFSET_PRIMARY_KEY]: JSON.stringify(progress.emittedKey),
    [OFFSET_MAXIMUM_KEY]: JSON.stringify(progress.maximumKey),
  };
}

export function progressFromOffset(
  offset: Readonly<Record<string, unknown>> | null,
): SnapshotProgress | null {
  const collections = offset?.[OFFSET_COLLECTIONS];
  if (typeof collections !== 'string') return null;
  const keys = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as KeyTexts | null) : null);
  return {
    tables: (JSON.parse(collections) as StoredCollection[]).map((c) => {
      const [schema = '', table = ''] = c.incremental_snapshot_collections_id.split('.');
      return {
        ref: { schema, table },
        condition: c.incremental_snapshot_collections_additional_condition,
      };
    }),
    emittedKey: keys(offset?.[OFFSET_PRIMARY_KEY]),
    maximumKey: keys(offset?.[OFFSET_MAXIMUM_KEY]),
  };
}

/** An offset without the snapshot's progress fields (they are replaced, never merged). */
export function withoutProgress(
  offset: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(offset).filter(([k]) => !k.startsWith(OFFSET_PREFIX)));
}
