/** A point in source text. `offset` is 0-based (UTF-16 units); `line` and `column` are 1-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open range of source text: `end` is the position just after the last character. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export function span(start: Position, end: Position): Span {
  return { start, end };
}

/** The smallest span covering both spans. */
export function joinSpans(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}

/** A zero-width span at a position: for synthesised nodes and end-of-input errors. */
export function pointSpan(at: Position): Span {
  return { start: at, end: at };
}

export const startOfText: Position = { offset: 0, line: 1, column: 1 };
