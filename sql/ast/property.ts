import type {
  BooleanLiteral,
  DecimalLiteral,
  DoubleLiteral,
  IntegerLiteral,
  StringLiteral,
} from './literals';
import { nodeFactory, type AstNode } from './node';

export type PropertyValue =
  StringLiteral | IntegerLiteral | DecimalLiteral | DoubleLiteral | BooleanLiteral;

/**
 * One `key = value` of a WITH (...) list. Source properties are case-insensitive, so `key` is
 * upper-cased; connector configs are case-sensitive, so `rawKey` keeps the key as written
 * (without its quotes).
 */
export interface Property extends AstNode {
  readonly kind: 'Property';
  readonly key: string;
  readonly rawKey: string;
  readonly value: PropertyValue;
}
export const Property = nodeFactory<Property>('Property');

/** How a topic name was written: PRINT and ASSERT TOPIC take names with dashes unquoted. */
export type TopicNameQuote = 'none' | 'single' | 'backtick' | 'double';

/** A Kafka topic name, case kept as written (topic names are case-sensitive). */
export interface TopicName extends AstNode {
  readonly kind: 'TopicName';
  readonly name: string;
  readonly quote: TopicNameQuote;
}
export const TopicName = nodeFactory<TopicName>('TopicName');
