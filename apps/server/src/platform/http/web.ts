import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { problemOf, sendProblem } from './problem.ts';

const NO_CACHE_FILES = ['/sw.js', '/manifest.webmanifest', '/index.html'];

/**
 * Serves the built web app. Any GET outside /api that is not a file answers index.html so that the
 * client-side router can take deep links; unknown /api paths answer a not-found problem.
 */
export async function installWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWebApp = existsSync(join(webRoot, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
    // The service worker and the manifest must be checked on every load, or a device keeps running
    // an old version of the app (features/offline in the web app).
    app.addHook('onSend', async (request, reply) => {
      if (NO_CACHE_FILES.includes(request.url.split('?')[0] ?? '')) {
        reply.header('cache-control', 'no-cache');
      }
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi =
      request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
    if (hasWebApp && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, problemOf('not_found'));
  });
}
