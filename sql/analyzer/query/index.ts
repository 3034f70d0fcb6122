export * from './analyzed-query';
export { analyzeQuery, type QueryAnalysisOptions } from './query-analyzer';
