import type { Duration, Identifier, Property, PropertyValue, TopicName } from '../ast';
import { isReserved } from '../parser';

const bareWord = /^[\p{L}_][\p{L}\p{N}_@]*$/u;
/** ksqlDB also takes identifiers that start with digits (`1R`), unless they would read as a number. */
const digitWord = /^\d+[\p{L}_@][\p{L}\p{N}_@]*$/u;

function isBare(text: string): boolean {
  return bareWord.test(text) || (digitWord.test(text) && !/^\d+[eE]/.test(text));
}

/** An identifier as written: bare names keep their spelling, quoted ones their quote style. */
export function printIdentifier(identifier: Identifier): string {
  switch (identifier.quote) {
    case 'double':
      return `"${identifier.text.replace(/"/g, '""')}"`;
    case 'backtick':
      return quoteBacktick(identifier.text);
    case 'none':
      return isBare(identifier.text) && !isReserved(identifier.text.toUpperCase())
        ? identifier.text
        : quoteBacktick(identifier.name);
  }
}

function quoteBacktick(text: string): string {
  return `\`${text.replace(/`/g, '``')}\``;
}

export function printString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `1 HOUR`, `30 SECONDS`: singular for one, as people write it (both parse the same). */
export function printDuration(duration: Duration): string {
  const unit = duration.value === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.value} ${unit}`;
}

export function printTopicName(topic: TopicName): string {
  switch (topic.quote) {
    case 'single':
      return printString(topic.name);
    case 'backtick':
      return quoteBacktick(topic.name);
    case 'double':
      return `"${topic.name.replace(/"/g, '""')}"`;
    case 'none':
      return topic.name;
  }
}

function printPropertyValue(value: PropertyValue): string {
  switch (value.kind) {
    case 'StringLiteral':
      return printString(value.value);
    case 'BooleanLiteral':
      return value.value ? 'true' : 'false';
    default:
      return value.text;
  }
}

/** `(K1=v1, 'dotted.key'=v2)`; keys that are not plain words are single-quoted. */
export function printPropertyList(properties: readonly Property[]): string {
  const entries = properties.map((p) => {
    const key = bareWord.test(p.rawKey) ? p.rawKey : printString(p.rawKey);
    return `${key}=${printPropertyValue(p.value)}`;
  });
  return `(${entries.join(', ')})`;
}

/** ` WITH (...)`, or nothing when there are no properties. */
export function printWith(properties: readonly Property[]): string {
  return properties.length === 0 ? '' : ` WITH ${printPropertyList(properties)}`;
}
