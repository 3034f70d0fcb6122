export * from './stream-record';
export * from './raw-record';
export * from './processor';
export * from './processing-log';
export * from './processor-error';
export { buildStep } from './step-builders';
export { buildTableSelectKeyReader } from './table-select-key';
export { buildForeignKeyJoinLeft, type ForeignKeyJoinLeftHalf } from './fk-join-response';
export {
  buildForeignKeyJoinRight,
  type ForeignKeyJoinRightHalf,
  type SubscriptionSend,
} from './fk-join-subscription';
