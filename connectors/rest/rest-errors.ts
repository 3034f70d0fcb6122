import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ConnectError, stackTrace } from '../errors';

/** Connect's error body: `{"error_code": <http status>, "message": ...}`. */
export interface ErrorBody {
  readonly error_code: number;
  readonly message: string;
}

export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ConnectError)
    return {
      status: error.httpStatus,
      body: { error_code: error.httpStatus, message: error.message },
    };
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: { error_code: fastifyError.statusCode, message: fastifyError.message ?? 'Bad request' },
    };
  }
  return {
    status: 500,
    body: { error_code: 500, message: error instanceof Error ? error.message : String(error) },
  };
}

export function errorHandler(logger: Logger) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    const { status, body } = errorBody(error);
    if (status >= 500)
      logger.error({ err: stackTrace(error), url: request.url }, 'Connect REST request failed');
    void reply.status(status).send(body);
  };
}
