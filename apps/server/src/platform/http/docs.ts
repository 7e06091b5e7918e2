import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const SWAGGER_UI_CSP =
  "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data:; " +
  "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; connect-src 'self'";

/** Security requirements of the OpenAPI document: see docs/api-contract.md for the cookie and the token. */
export const PUBLIC: Security = [];
/** Reads: the session cookie. */
export const SIGNED_IN: Security = [{ session: [] }];
/** Writes: the session cookie and the CSRF token of that session (platform/http/session.hook.ts). */
export const SIGNED_IN_WITH_CSRF: Security = [{ session: [], csrf: [] }];
/** Sign-out: works with a session (then with its CSRF token) and without one. */
export const SIGNED_IN_OR_NOT: Security = [{ session: [], csrf: [] }, {}];
type Security = Record<string, string[]>[];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route states its security requirement. The default follows the session hook, which asks a
 * session of every /api route that is not public and a CSRF token of every write; a public route
 * says so in its schema (`security: PUBLIC`), as does any other exception.
 */
function declareSecurity(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = (route.schema ?? {}) as { security?: Security };
    if (schema.security !== undefined) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const writes = methods.some((method) => !SAFE_METHODS.has(method));
    route.schema = { ...schema, security: writes ? SIGNED_IN_WITH_CSRF : SIGNED_IN };
  });
}

/** OpenAPI 3.1 generated from the routes' zod schemas: the contract cannot drift from the code. */
export async function installApiDocs(app: FastifyInstance, version: string): Promise<void> {
  // Before swagger: its own onRoute hook then reads the completed schema.
  declareSecurity(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Veza API',
        version,
        description: 'Errors are RFC 9457 problem+json with a stable `code`. See docs/api-contract.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'veza_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Its own CSP: like the app's, but without the library default's upgrade-insecure-requests, which
  // would break the page on a plain-http LAN installation.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: SWAGGER_UI_CSP });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
