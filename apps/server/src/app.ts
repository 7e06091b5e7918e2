import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '@veza/db';
import { SignInThrottle } from './platform/auth/sign-in-throttle.ts';
import type { Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { installApiDocs } from './platform/http/docs.ts';
import { answerClientError, answerError, installErrorHandling } from './platform/http/error-handler.ts';
import { healthRoutes, VEZA_VERSION } from './platform/http/health.routes.ts';
import { safeLoggerOptions } from './platform/http/logging.ts';
import { installNulCharacterGuard } from './platform/http/nul-characters.ts';
import './platform/http/request-state.ts';
// Registers every module's policy with the engine before any request is decided.
import './policies.ts';
import { serverModules } from './modules.ts';
import { installSecurityHeaders } from './platform/http/security.ts';
import { installSessionHook } from './platform/http/session.hook.ts';
import { installWebApp } from './platform/http/web.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Folder of the built web app; defaults to apps/web/dist. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: safeLoggerOptions(options.logger),
    bodyLimit: config.bodyLimit,
    trustProxy: trustProxyOption(config.trustProxy),
    // Paths are matched exactly; /api/me/ is not /api/me.
    routerOptions: { ignoreTrailingSlash: false },
    // A malformed URL and a path parameter over the length limit (414) answer problem+json too.
    frameworkErrors: (error, request, reply) => answerError(error, request, reply),
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate(
    'signInThrottle',
    new SignInThrottle({
      freeFailures: config.lockout.maxFailures,
      maxDelayMs: config.lockout.durationMs,
      accountCeiling: config.signInCeiling?.accountCeiling ?? 100,
      accountSlowdownMs: config.signInCeiling?.accountSlowdownMs ?? 30_000,
    }),
  );
  acceptJsonBodiesOnly(app);
  installErrorHandling(app);
  installNulCharacterGuard(app);

  // Counted after the session hook, so that signed-in traffic counts per session: a whole police
  // station behind one address must not share one budget. Requests without a valid session count per
  // address; sign-ins per (account, address) pair (modules/auth). A flood without a session costs at
  // most one indexed session lookup before it is refused.
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: (request) =>
      request.session
        ? config.rateLimit.globalPerMinute
        : (config.rateLimit.anonymousPerMinute ?? config.rateLimit.globalPerMinute),
    keyGenerator: (request) =>
      request.session ? `session:${request.session.session.id}` : `address:${request.ip}`,
    timeWindow: 60_000,
    // The limit guards the API. The web app's own files (one page load is dozens of them) are static,
    // touch no database, and counted against an office sharing one address they locked users out.
    allowList: (request) => !isApiPath(request.url),
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(cookie);
  await installSecurityHeaders(app);
  installSessionHook(app);
  await installApiDocs(app, VEZA_VERSION);

  await app.register(healthRoutes);
  for (const module of serverModules()) for (const routes of module.routes) await app.register(routes);
  await installWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

/**
 * The API speaks JSON only: other content types (Fastify accepts text/plain by default) answer 415.
 * Clients often send `Content-Type: application/json` with no body on POSTs that take none (logout,
 * TOTP set-up); Fastify would refuse that as malformed JSON.
 */
function acceptJsonBodiesOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

/** A hop count becomes a function: Fastify's types accept booleans, addresses and functions. */
function trustProxyOption(
  value: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
