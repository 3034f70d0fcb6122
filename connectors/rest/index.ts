export * from './connect-server';
export { errorBody, type ErrorBody } from './rest-errors';
