import type { PgQueryable } from '../../connectors';
import type { DatagenTotals } from '../datagen';
import { goldRowCounts, renderGoldSnapshot } from './gold-view';
import type { MedallionPipeline } from './medallion-pipeline';

export interface LiveViewOptions {
  readonly pg: PgQueryable;
  readonly pipeline: MedallionPipeline;
  readonly print: (line: string) => void;
  /** Seconds between gold snapshots; 0 shows none. */
  readonly snapshotSeconds: number;
  readonly progressSeconds?: number;
  /** Persistent queries that are not RUNNING, as `id: state` (each is reported once). */
  readonly failedQueries?: () => Promise<readonly string[]>;
}

export interface LiveView {
  /** The latest datagen totals (called after every datagen tick). */
  datagen(totals: Readonly<DatagenTotals>): void;
  /** Milliseconds from the start to the first gold row, once there was one. */
  firstGoldRowsAfterMs(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The demo's terminal: every few seconds one line with records per topic and rows per gold
 * table, and now and then the gold tables themselves.
 */
export function liveView(options: LiveViewOptions): LiveView {
  const started = Date.now();
  let totals: Readonly<DatagenTotals> | undefined;
  let firstGold: number | undefined;
  let lastSnapshot = Date.now();
  let busy: Promise<void> = Promise.resolve();
  const reported = new Set<string>();
  const tick = async (): Promise<void> => {
    for (const q of (await options.failedQueries?.().catch(() => [])) ?? []) {
      if (reported.has(q)) continue;
      reported.add(q);
      options.print(`WARNING query ${q} (see the server log)`);
    }
    const counts = await goldRowCounts(options.pg, options.pipeline.goldTables);
    const goldRows = Object.values(counts).reduce((a, b) => a + b, 0);
    if (goldRows > 0 && firstGold === undefined) {
      firstGold = Date.now() - started;
      options.print(`first gold rows after ${(firstGold / 1000).toFixed(1)} s`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const topics = Object.entries(totals?.perTopic ?? {})
      .map(([t, n]) => `${t}=${n}`)
      .join(' ');
    const gold = Object.entries(counts)
      .map(([t, n]) => `${t}=${n}`)
      .join(' ');
    options.print(
      `[${seconds}s] postgres changes=${totals?.oltpChanges ?? 0} | ${topics || 'no records yet'} | gold rows: ${gold}`,
    );
    if (
      options.snapshotSeconds > 0 &&
      Date.now() - lastSnapshot >= options.snapshotSeconds * 1000
    ) {
      lastSnapshot = Date.now();
      for (const table of options.pipeline.goldTables)
        options.print(await renderGoldSnapshot(options.pg, table, 8));
    }
  };
  const timer = setInterval(
    () => {
      busy = busy.then(tick).catch(() => undefined);
    },
    (options.progressSeconds ?? 2) * 1000,
  );
  return {
    datagen: (t) => {
      totals = t;
    },
    firstGoldRowsAfterMs: () => firstGold,
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}
