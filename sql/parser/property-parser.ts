import {
  BooleanLiteral,
  DecimalLiteral,
  DoubleLiteral,
  IntegerLiteral,
  Property,
  type PropertyValue,
  StringLiteral,
  TopicName,
} from '../ast';
import type { TokenStream } from './token-stream';

/** `WITH (k = v, ...)` if present, else no properties. */
export function parseOptionalWith(ts: TokenStream): Property[] {
  return ts.acceptKeyword('WITH') ? parsePropertyList(ts) : [];
}

/** `(k = v, ...)`: keys are (dotted) words, quoted identifiers or strings; values are literals. */
export function parsePropertyList(ts: TokenStream): Property[] {
  ts.expectSymbol('(');
  const properties: Property[] = [];
  do {
    const keyToken = ts.peek();
    if (
      keyToken.type !== 'word' &&
      keyToken.type !== 'quotedIdentifier' &&
      keyToken.type !== 'string'
    ) {
      throw ts.unexpected('a property name');
    }
    ts.next();
    let rawKey = keyToken.type === 'word' ? keyToken.text : keyToken.value;
    while (keyToken.type === 'word' && ts.isSymbol('.') && ts.peek(1).type === 'word') {
      ts.next();
      rawKey += `.${ts.next().text}`;
    }
    ts.expectSymbol('=');
    const value = parsePropertyValue(ts);
    properties.push(
      Property.create({
        key: rawKey.toUpperCase(),
        rawKey,
        value,
        span: ts.spanFrom(keyToken.span.start),
      }),
    );
  } while (ts.acceptSymbol(','));
  ts.expectSymbol(')');
  return properties;
}

/** A literal; a leading minus is folded into a number's text. */
export function parsePropertyValue(ts: TokenStream): PropertyValue {
  const first = ts.peek();
  const negative =
    first.type === 'symbol' &&
    first.value === '-' &&
    /^(integer|decimal|double)$/.test(ts.peek(1).type);
  if (negative) ts.next();
  const token = ts.next();
  const sign = negative ? '-' : '';
  const span = ts.spanFrom(first.span.start);
  switch (token.type) {
    case 'string':
      if (!negative) return StringLiteral.create({ value: token.value, span });
      break;
    case 'integer':
      return IntegerLiteral.create({ text: sign + token.text, span });
    case 'decimal':
      return DecimalLiteral.create({ text: sign + token.text, span });
    case 'double':
      return DoubleLiteral.create({ text: sign + token.text, span });
    case 'word':
      if (token.value === 'TRUE' || token.value === 'FALSE') {
        return BooleanLiteral.create({ value: token.value === 'TRUE', span });
      }
      break;
    default:
      break;
  }
  throw ts.unexpected('a string, number or boolean value', token);
}

/** A string literal's value. */
export function parseString(ts: TokenStream, what: string): string {
  const token = ts.peek();
  if (token.type !== 'string') throw ts.unexpected(what);
  ts.next();
  return token.value;
}

/**
 * A topic name: quoted ('x', `x`, "x") or bare. A bare name runs over adjacent tokens with no
 * whitespace between them, so `psg-customers` and `orders.v1` need no quotes.
 */
export function parseTopicName(ts: TokenStream): TopicName {
  const first = ts.peek();
  if (first.type === 'string' || first.type === 'quotedIdentifier') {
    ts.next();
    const quote = first.type === 'string' ? 'single' : (first.quote ?? 'backtick');
    return TopicName.create({ name: first.value, quote, span: first.span });
  }
  if (first.type !== 'word' && first.type !== 'integer') throw ts.unexpected('a topic name');
  let name = first.text;
  ts.next();
  for (;;) {
    const token = ts.peek();
    const adjacent = token.span.start.offset === ts.previous().span.end.offset;
    const joinable =
      token.type === 'word' ||
      token.type === 'integer' ||
      token.type === 'decimal' ||
      (token.type === 'symbol' && (token.value === '-' || token.value === '.'));
    if (!adjacent || !joinable) break;
    name += token.text;
    ts.next();
  }
  return TopicName.create({ name, quote: 'none', span: ts.spanFrom(first.span.start) });
}
