import type { Span } from '../ast';

/**
 * The source line the span starts on, and a line of carets under the span (clipped to that
 * line, at least one caret). Tabs are copied into the padding so carets stay aligned.
 */
export function renderSourceCaret(sourceText: string, span: Span): string {
  const lineStart = sourceText.lastIndexOf('\n', span.start.offset - 1) + 1;
  const newline = sourceText.indexOf('\n', lineStart);
  const lineEnd = newline < 0 ? sourceText.length : newline;
  const lineText = sourceText.slice(lineStart, lineEnd).replace(/\r$/, '');
  const startCol = Math.max(0, Math.min(span.start.offset - lineStart, lineText.length));
  const endOffset = Math.min(span.end.offset, lineStart + lineText.length);
  const width = Math.max(1, endOffset - lineStart - startCol);
  const padding = lineText.slice(0, startCol).replace(/[^\t]/g, ' ');
  const gutter = `${span.start.line} | `;
  const blank = ' '.repeat(gutter.length - 2) + '| ';
  return `${gutter}${lineText}\n${blank}${padding}${'^'.repeat(width)}`;
}
