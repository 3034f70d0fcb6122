export {
  deadLetterPolicy,
  errorSettings,
  contextHeaders,
  type ErrorSettings,
} from './dead-letter-policy';
