import type { AnalyzerConfig } from '../../analyzer/analyzer-config';
import type { Catalog, SchemaInference } from '../../catalog';

/** What compiling one statement needs from its caller. */
export interface CompileContext {
  readonly catalog: Catalog;
  readonly config: AnalyzerConfig;
  /**
   * The number that makes query ids unique (`CSAS_ORDERS_CLEAN_3`): the engine passes its
   * command sequence number, so replaying the command log yields the same ids.
   */
  readonly queryCounter: number;
  /** Column inference for CREATE without columns; defaults to inferring nothing. */
  readonly schemaInference?: SchemaInference;
  /** The statement's text, kept on created sources. */
  readonly sql?: string;
}
