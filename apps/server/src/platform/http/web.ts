import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { problemOf, sendProblem } from './problem.ts';

/**
 * Serves the built web app. Any GET outside /api that is not a file answers index.html so that the
 * client-side router can take deep links; unknown /api paths answer a not-found problem.
 */
export async function installWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWebApp = existsSync(join(webRoot, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
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
