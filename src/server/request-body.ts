import { ErrorCodes } from '../engine/engine-port';
import { KsqlRestError } from './rest-error';

/** The body of `/ksql` and `/query`. */
export interface KsqlRequest {
  readonly ksql: string;
  readonly streamsProperties: Readonly<Record<string, unknown>>;
  readonly sessionVariables: Readonly<Record<string, unknown>>;
  readonly commandSequenceNumber?: number;
}

/** The body of `/query-stream`. */
export interface QueryStreamRequest {
  readonly sql: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly sessionVariables: Readonly<Record<string, unknown>>;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new KsqlRestError(
      ErrorCodes.badRequest,
      `Error parsing request body: ${(err as Error).message}`,
    );
  }
}

export function readKsqlRequest(body: unknown): KsqlRequest {
  const object = requireObject(body);
  const seq = object.commandSequenceNumber;
  if (seq !== undefined && seq !== null && typeof seq !== 'number') {
    throw new KsqlRestError(ErrorCodes.badRequest, 'commandSequenceNumber must be a number');
  }
  return {
    ksql: requireString(object, 'ksql'),
    streamsProperties: optionalMap(object, 'streamsProperties'),
    sessionVariables: optionalMap(object, 'sessionVariables'),
    ...(typeof seq === 'number' ? { commandSequenceNumber: seq } : {}),
  };
}

export function readQueryStreamRequest(body: unknown): QueryStreamRequest {
  const object = requireObject(body);
  return {
    sql: requireString(object, 'sql'),
    properties: optionalMap(object, 'properties'),
    sessionVariables: optionalMap(object, 'sessionVariables'),
  };
}

export function readCloseQueryRequest(body: unknown): string {
  return requireString(requireObject(body), 'queryId');
}

function requireObject(body: unknown): Record<string, unknown> {
  if (body === undefined) throw new KsqlRestError(ErrorCodes.badRequest, 'Request body is missing');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new KsqlRestError(ErrorCodes.badRequest, 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function requireString(object: Record<string, unknown>, field: string): string {
  const value = object[field];
  if (value === undefined || value === null) {
    throw new KsqlRestError(ErrorCodes.badRequest, `No '${field}' field in the request`);
  }
  if (typeof value !== 'string')
    throw new KsqlRestError(ErrorCodes.badRequest, `'${field}' must be a string`);
  return value;
}

function optionalMap(
  object: Record<string, unknown>,
  field: string,
): Readonly<Record<string, unknown>> {
  const value = object[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KsqlRestError(ErrorCodes.badRequest, `'${field}' must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
