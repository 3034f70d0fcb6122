import type { Duration } from './duration';
import type { Identifier } from './identifier';
import { nodeFactory, type AstNode } from './node';
import type { Property, TopicName } from './property';
import type { Statement } from './statement';

/** TERMINATE id | TERMINATE ALL (then `queryId` is absent). */
export interface TerminateQuery extends AstNode {
  readonly kind: 'TerminateQuery';
  readonly queryId?: Identifier;
}
export const TerminateQuery = nodeFactory<TerminateQuery>('TerminateQuery');

export interface PauseQuery extends AstNode {
  readonly kind: 'PauseQuery';
  readonly queryId?: Identifier;
}
export const PauseQuery = nodeFactory<PauseQuery>('PauseQuery');

export interface ResumeQuery extends AstNode {
  readonly kind: 'ResumeQuery';
  readonly queryId?: Identifier;
}
export const ResumeQuery = nodeFactory<ResumeQuery>('ResumeQuery');

export type ShowSubject =
  | 'TOPICS'
  | 'STREAMS'
  | 'TABLES'
  | 'QUERIES'
  | 'CONNECTORS'
  | 'FUNCTIONS'
  | 'PROPERTIES'
  | 'TYPES'
  | 'VARIABLES';

/** SHOW|LIST [ALL] TOPICS [EXTENDED], STREAMS ..., [SOURCE|SINK] CONNECTORS, ... */
export interface Show extends AstNode {
  readonly kind: 'Show';
  readonly subject: ShowSubject;
  readonly extended: boolean;
  /** SHOW ALL TOPICS: include internal topics. */
  readonly all: boolean;
  readonly connectorType?: 'SOURCE' | 'SINK';
}
export const Show = nodeFactory<Show>('Show');

export interface DescribeSource extends AstNode {
  readonly kind: 'DescribeSource';
  readonly name: Identifier;
  readonly extended: boolean;
}
export const DescribeSource = nodeFactory<DescribeSource>('DescribeSource');

/** DESCRIBE STREAMS|TABLES [EXTENDED]. */
export interface DescribeSources extends AstNode {
  readonly kind: 'DescribeSources';
  readonly subject: 'STREAMS' | 'TABLES';
  readonly extended: boolean;
}
export const DescribeSources = nodeFactory<DescribeSources>('DescribeSources');

export interface DescribeFunction extends AstNode {
  readonly kind: 'DescribeFunction';
  readonly name: Identifier;
}
export const DescribeFunction = nodeFactory<DescribeFunction>('DescribeFunction');

export interface DescribeConnector extends AstNode {
  readonly kind: 'DescribeConnector';
  readonly name: Identifier;
}
export const DescribeConnector = nodeFactory<DescribeConnector>('DescribeConnector');

/** EXPLAIN <statement> or EXPLAIN <query id>: exactly one of the two is set. */
export interface Explain extends AstNode {
  readonly kind: 'Explain';
  readonly statement?: Statement;
  readonly queryId?: Identifier;
}
export const Explain = nodeFactory<Explain>('Explain');

/** PRINT topic [FROM BEGINNING] [INTERVAL|SAMPLE n] [LIMIT n]. */
export interface Print extends AstNode {
  readonly kind: 'Print';
  readonly topic: TopicName;
  readonly fromBeginning: boolean;
  readonly interval?: number;
  readonly limit?: number;
}
export const Print = nodeFactory<Print>('Print');

export interface DefineVariable extends AstNode {
  readonly kind: 'DefineVariable';
  readonly name: Identifier;
  readonly value: string;
}
export const DefineVariable = nodeFactory<DefineVariable>('DefineVariable');

export interface UndefineVariable extends AstNode {
  readonly kind: 'UndefineVariable';
  readonly name: Identifier;
}
export const UndefineVariable = nodeFactory<UndefineVariable>('UndefineVariable');

/** SET 'property' = 'value'. */
export interface SetProperty extends AstNode {
  readonly kind: 'SetProperty';
  readonly name: string;
  readonly value: string;
}
export const SetProperty = nodeFactory<SetProperty>('SetProperty');

export interface UnsetProperty extends AstNode {
  readonly kind: 'UnsetProperty';
  readonly name: string;
}
export const UnsetProperty = nodeFactory<UnsetProperty>('UnsetProperty');

export interface RunScript extends AstNode {
  readonly kind: 'RunScript';
  readonly path: string;
}
export const RunScript = nodeFactory<RunScript>('RunScript');

/** ASSERT [NOT EXISTS] TOPIC name [WITH (...)] [TIMEOUT d]. */
export interface AssertTopic extends AstNode {
  readonly kind: 'AssertTopic';
  readonly exists: boolean;
  readonly topic: TopicName;
  readonly properties: readonly Property[];
  readonly timeout?: Duration;
}
export const AssertTopic = nodeFactory<AssertTopic>('AssertTopic');

/** ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID n] [TIMEOUT d]: at least one of subject and id. */
export interface AssertSchema extends AstNode {
  readonly kind: 'AssertSchema';
  readonly exists: boolean;
  readonly subject?: TopicName;
  readonly id?: number;
  readonly timeout?: Duration;
}
export const AssertSchema = nodeFactory<AssertSchema>('AssertSchema');
