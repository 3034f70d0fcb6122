import { runnerConfig } from '../../../topology/runner';

describe('runner config', () => {
  test('defaults follow ksqlDB', () => {
    expect(runnerConfig('Q')).toMatchObject({ commitIntervalMs: 2000, autoOffsetReset: 'latest', processingGuarantee: 'at_least_once' });
  });

  test('later sources override earlier ones, with or without the ksql.streams. prefix', () => {
    const config = runnerConfig('Q', { 'commit.interval.ms': '500' }, { 'ksql.streams.commit.interval.ms': '50', 'auto.offset.reset': 'earliest' });
    expect(config).toMatchObject({ commitIntervalMs: 50, autoOffsetReset: 'earliest' });
  });

  test('an invalid value names the property', () => {
    expect(() => runnerConfig('Q', { 'commit.interval.ms': 'soon' })).toThrow(/commit\.interval\.ms/);
    expect(() => runnerConfig('Q', { 'processing.guarantee': 'exactly_twice' })).toThrow(/processing\.guarantee/);
  });

  test('exactly_once_v2 commits every 100 ms unless commit.interval.ms is given', () => {
    expect(runnerConfig('Q', { 'processing.guarantee': 'exactly_once_v2' })).toMatchObject({
      processingGuarantee: 'exactly_once_v2',
      commitIntervalMs: 100,
    });
    expect(
      runnerConfig('Q', { 'processing.guarantee': 'exactly_once', 'commit.interval.ms': '250' }),
    ).toMatchObject({ processingGuarantee: 'exactly_once_v2', commitIntervalMs: 250 });
  });
});
