import { SqlTypes, type SqlType } from '../../topology/spec';
import type { ColumnRef as AstColumnRef } from '../ast';
import type { Column } from '../catalog';
import { AnalysisErrorCodes, fail } from './analysis-error';

/** A source visible in a query: its alias and columns, and how its columns are named inside the query. */
export interface ScopeSource {
  readonly alias: string;
  readonly sourceName: string;
  readonly columns: readonly Column[];
  readonly windowed: boolean;
}

export interface ResolvedColumn {
  /** The name in the query's internal schema (`S1_ID` inside a join, `ID` otherwise). */
  readonly internalName: string;
  readonly columnName: string;
  readonly type: SqlType;
  readonly source?: ScopeSource;
  readonly pseudo?: 'ROWTIME' | 'ROWPARTITION' | 'ROWOFFSET' | 'WINDOWSTART' | 'WINDOWEND';
  readonly isKey: boolean;
}

const PSEUDO: Readonly<Record<string, SqlType>> = {
  ROWTIME: SqlTypes.bigint,
  ROWPARTITION: SqlTypes.integer,
  ROWOFFSET: SqlTypes.bigint,
};

/**
 * Name resolution for one query: single-source queries use column names as they are; joins
 * prefix every column with its source alias (`S1_ID`), as ksqlDB's join schema does.
 */
export class Scope {
  /** Qualified pseudo columns read inside a join (`S1.ROWTIME`), by alias. */
  readonly usedPseudoColumns = new Map<string, Set<string>>();

  constructor(
    readonly sources: readonly ScopeSource[],
    /** Window bounds are visible (windowed source or windowed aggregation). */
    readonly windowBounds: boolean,
    /** Columns that belong to no source: a join's synthetic key (`ROWKEY`). */
    readonly extraColumns: ReadonlyMap<string, SqlType> = new Map(),
  ) {}

  withExtraColumns(extra: ReadonlyMap<string, SqlType>): Scope {
    const scope = new Scope(this.sources, this.windowBounds, extra);
    for (const [k, v] of this.usedPseudoColumns) scope.usedPseudoColumns.set(k, v);
    return scope;
  }

  get isJoin(): boolean {
    return this.sources.length > 1;
  }

  internalName(source: ScopeSource, column: string): string {
    return this.isJoin ? `${source.alias}_${column}` : column;
  }

  findSource(alias: string): ScopeSource | undefined {
    return this.sources.find((s) => s.alias === alias);
  }

  resolve(ref: AstColumnRef, clause = 'SELECT'): ResolvedColumn {
    const name = ref.name.name;
    const qualifier = ref.source?.name;
    const candidates =
      qualifier === undefined ? this.sources : this.sources.filter((s) => s.alias === qualifier);
    const display = qualifier === undefined ? name : `${qualifier}.${name}`;
    if (qualifier !== undefined && candidates.length === 0) {
      fail(
        AnalysisErrorCodes.unknownColumn,
        `${clause} column '${display}' cannot be resolved.`,
        ref.span,
      );
    }
    const extra = qualifier === undefined ? this.extraColumns.get(name) : undefined;
    if (extra) return { internalName: name, columnName: name, type: extra, isKey: true };
    const pseudo = this.pseudo(name, candidates);
    if (pseudo) return pseudo;
    const matches = candidates.flatMap((source) =>
      source.columns.filter((c) => c.name === name).map((c) => ({ source, column: c })),
    );
    const match = matches[0];
    if (!match)
      fail(
        AnalysisErrorCodes.unknownColumn,
        `${clause} column '${display}' cannot be resolved.`,
        ref.span,
      );
    if (matches.length > 1) {
      fail(
        AnalysisErrorCodes.ambiguousColumn,
        `Column '${name}' is ambiguous. Could be any of: ${matches.map((m) => `${m.source.alias}.${name}`).join(', ')}`,
        ref.span,
      );
    }
    return {
      internalName: this.internalName(match.source, name),
      columnName: name,
      type: match.column.type,
      source: match.source,
      isKey: match.column.namespace === 'KEY',
    };
  }

  private pseudo(name: string, candidates: readonly ScopeSource[]): ResolvedColumn | undefined {
    const type = PSEUDO[name];
    const windowBound = name === 'WINDOWSTART' || name === 'WINDOWEND';
    if (!type && !(windowBound && (this.windowBounds || candidates.some((c) => c.windowed))))
      return undefined;
    if (candidates.some((s) => s.columns.some((c) => c.name === name))) return undefined;
    const source = this.isJoin && candidates.length === 1 ? candidates[0] : undefined;
    if (source && PSEUDO[name]) {
      const used = this.usedPseudoColumns.get(source.alias) ?? new Set<string>();
      used.add(name);
      this.usedPseudoColumns.set(source.alias, used);
    }
    return {
      internalName: source ? this.internalName(source, name) : name,
      columnName: name,
      type: type ?? SqlTypes.bigint,
      ...(source ? { source } : {}),
      pseudo: name as ResolvedColumn['pseudo'] & string,
      isKey: false,
    };
  }
}
