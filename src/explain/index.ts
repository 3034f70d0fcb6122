export { explainScript, type ExplainOptions, type ExplainResult } from './explain-script';
