import type { FastifyRequest, FastifyReply, FastifyServerOptions } from 'fastify';

/**
 * What the server's log may hold about a request or a failure: the method, the route pattern (never
 * the URL: its path and query carry ids, names and searches), the request id, the status, and for an
 * error its class, code (a SQLSTATE for database errors) and stack frames. Never the error message:
 * a failed query's message holds its SQL parameters (e-mail addresses, IP addresses, names). Never
 * bodies, cookies, headers or the client's address.
 */
export const SAFE_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    id: request.id,
    method: request.method,
    route: request.routeOptions?.url ?? 'unmatched',
  }),
  res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
  err: (error: unknown) => {
    const described = describeError(error);
    // Fastify's types want a message and a stack: both rebuilt from what is safe to keep.
    const message = described.code === undefined ? described.type : `${described.type} ${described.code}`;
    return { ...described, message, stack: (described.frames ?? []).join('\n') };
  },
};

export interface LoggedError {
  type: string;
  code?: string;
  statusCode?: number;
  frames?: string[];
  cause?: LoggedError;
}

export function describeError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as {
    name?: unknown;
    code?: unknown;
    statusCode?: unknown;
    stack?: unknown;
    cause?: unknown;
  };
  const described: LoggedError = {
    type: typeof e.name === 'string' ? e.name : (error.constructor?.name ?? 'Object'),
  };
  if (typeof e.code === 'string' || typeof e.code === 'number') described.code = String(e.code);
  if (typeof e.statusCode === 'number') described.statusCode = e.statusCode;
  // Only the "    at ..." lines: the first lines of a stack repeat the message.
  if (typeof e.stack === 'string') {
    described.frames = e.stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 12)
      .map((line) => line.trim());
  }
  if (e.cause !== undefined && depth < 3) described.cause = describeError(e.cause, depth + 1);
  return described;
}

/** The caller's logger options with the safe serializers forced in (theirs cannot widen them). */
export function safeLoggerOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  if (logger === true) return { serializers: SAFE_SERIALIZERS };
  return { ...logger, serializers: SAFE_SERIALIZERS };
}
