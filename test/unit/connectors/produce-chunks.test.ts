import { produceChunks } from '../../../connectors';

const message = (bytes: number, topic = 't') => ({
  topic,
  key: null,
  value: Buffer.alloc(bytes),
});

describe('produceChunks', () => {
  it('keeps every chunk of a large poll under the request budget, in order', () => {
    const messages = Array.from({ length: 3000 }, (_, i) => ({ ...message(1000), i }));
    const chunks = produceChunks(messages, 900 * 1024);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks)
      expect(chunk.reduce((n, m) => n + m.value.length + 32, 0)).toBeLessThanOrEqual(900 * 1024);
    expect(chunks.flat().map((m) => m.i)).toEqual(messages.map((m) => m.i));
  });

  it('sends a message larger than the budget alone', () => {
    const chunks = produceChunks([message(10), message(2000), message(10)], 1000);
    expect(chunks.map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it('counts headers towards the size', () => {
    const withHeaders = { ...message(100), headers: { trace: 'x'.repeat(600) } };
    expect(produceChunks([withHeaders, withHeaders], 1000)).toHaveLength(2);
    expect(produceChunks([message(100), message(100)], 1000)).toHaveLength(1);
  });

  it('produces nothing for an empty poll', () => {
    expect(produceChunks([])).toEqual([]);
  });
});
