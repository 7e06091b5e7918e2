import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthSchema, ReadinessSchema } from '@veza/shared';
import { PUBLIC } from './docs.ts';
import { checkReadiness } from './readiness.ts';

function versionIn(file: URL): string | undefined {
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

/** The product's version: the root package.json's, or the server's while the root carries none. */
export const VEZA_VERSION: string =
  versionIn(new URL('../../../../../package.json', import.meta.url)) ??
  versionIn(new URL('../../../package.json', import.meta.url)) ??
  '0.0.0';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Liveness: the process answers. It touches nothing, so a busy or full database never restarts it.
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness, database kind and version',
        security: PUBLIC,
        response: { 200: HealthSchema },
      },
      config: { rateLimit: false },
    },
    async () => ({ status: 'ok' as const, database: app.database.kind, version: VEZA_VERSION }),
  );
  // Readiness: whether to send traffic here; 503 problem+json (not_ready, storage_full) otherwise.
  app.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: database reachable, migrations applied, disk space left',
        security: PUBLIC,
        response: { 200: ReadinessSchema },
      },
      config: { rateLimit: false },
    },
    async () => checkReadiness(app.database, app.config),
  );
};
