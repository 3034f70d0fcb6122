import type { WindowSpec } from '../spec';
import type { Window } from '../serdes/serde-contract';

/** The time windows (TUMBLING/HOPPING) containing `timestamp`, by ascending start (TimeWindows#windowsFor). */
export function timeWindowsFor(
  window: Exclude<WindowSpec, { type: 'SESSION' }>,
  timestamp: number,
): Window[] {
  const size = window.sizeMs;
  const advance = window.type === 'HOPPING' ? window.advanceMs : size;
  const out: Window[] = [];
  let start = Math.floor(Math.max(0, timestamp - size + advance) / advance) * advance;
  for (; start <= timestamp; start += advance) out.push({ start, end: start + size });
  return out;
}
