import type { Identifier } from './identifier';
import { nodeFactory, type AstNode } from './node';
import type { Property } from './property';
import type { Query } from './query';
import type { TypeNode } from './type-node';

export type SourceType = 'STREAM' | 'TABLE';

/** KEY (streams), PRIMARY KEY (tables), HEADERS (all headers), HEADER('k') (one header). */
export type ColumnConstraint = 'NONE' | 'KEY' | 'PRIMARY KEY' | 'HEADERS' | 'HEADER';

export interface ColumnDefinition extends AstNode {
  readonly kind: 'ColumnDefinition';
  readonly name: Identifier;
  readonly type: TypeNode;
  readonly constraint: ColumnConstraint;
  /** The header key of a `HEADER('k')` column. */
  readonly headerKey?: string;
}
export const ColumnDefinition = nodeFactory<ColumnDefinition>('ColumnDefinition');

/** CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name [(columns)] WITH (...). */
export interface CreateSource extends AstNode {
  readonly kind: 'CreateSource';
  readonly sourceType: SourceType;
  readonly orReplace: boolean;
  /** A read-only SOURCE stream/table. */
  readonly isSource: boolean;
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  /** Empty when the columns come from the schema registry. */
  readonly columns: readonly ColumnDefinition[];
  readonly properties: readonly Property[];
}
export const CreateSource = nodeFactory<CreateSource>('CreateSource');

/** CSAS / CTAS. */
export interface CreateAsSelect extends AstNode {
  readonly kind: 'CreateAsSelect';
  readonly sourceType: SourceType;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly properties: readonly Property[];
  readonly query: Query;
}
export const CreateAsSelect = nodeFactory<CreateAsSelect>('CreateAsSelect');

export interface DropSource extends AstNode {
  readonly kind: 'DropSource';
  readonly sourceType: SourceType;
  readonly ifExists: boolean;
  readonly name: Identifier;
  readonly deleteTopic: boolean;
}
export const DropSource = nodeFactory<DropSource>('DropSource');

/** ALTER STREAM|TABLE name ADD [COLUMN] c T [, ADD [COLUMN] ...]. */
export interface AlterSource extends AstNode {
  readonly kind: 'AlterSource';
  readonly sourceType: SourceType;
  readonly name: Identifier;
  readonly addColumns: readonly ColumnDefinition[];
}
export const AlterSource = nodeFactory<AlterSource>('AlterSource');

export interface CreateType extends AstNode {
  readonly kind: 'CreateType';
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly type: TypeNode;
}
export const CreateType = nodeFactory<CreateType>('CreateType');

export interface DropType extends AstNode {
  readonly kind: 'DropType';
  readonly ifExists: boolean;
  readonly name: Identifier;
}
export const DropType = nodeFactory<DropType>('DropType');

export type ConnectorType = 'SOURCE' | 'SINK';

/** CREATE SOURCE|SINK CONNECTOR; the config keys are in each property's `rawKey`. */
export interface CreateConnector extends AstNode {
  readonly kind: 'CreateConnector';
  readonly connectorType: ConnectorType;
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly properties: readonly Property[];
}
export const CreateConnector = nodeFactory<CreateConnector>('CreateConnector');

export interface DropConnector extends AstNode {
  readonly kind: 'DropConnector';
  readonly ifExists: boolean;
  readonly name: Identifier;
}
export const DropConnector = nodeFactory<DropConnector>('DropConnector');
