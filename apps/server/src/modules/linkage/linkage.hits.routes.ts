import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  HitAccessRequestSchema,
  HitDecisionSchema,
  HitDetailsSchema,
  HitListsSchema,
  HitParams,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { decideHitAccess, hitDetails, listHits, requestHitAccess } from './linkage.hits.service.ts';

/** Hit/no-hit: /api/linkage/hits ... */
export const hitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['linkage'];
  app.get(
    '/api/linkage/hits',
    { schema: { tags, summary: 'Hits across cases, received and sent', response: { 200: HitListsSchema } } },
    async (request) => handle(request, (ctx, tx) => listHits(tx, ctx)),
  );
  app.post(
    '/api/linkage/hits/:hitId/access-request',
    {
      schema: {
        tags,
        summary: 'Ask the owning unit for access to a hit',
        params: HitParams,
        body: HitAccessRequestSchema,
      },
    },
    async (request, reply) => {
      await handle(request, (ctx, tx) =>
        requestHitAccess(tx, ctx, request.params.hitId, request.body.reason),
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/linkage/hits/:hitId/decision',
    {
      schema: {
        tags,
        summary: 'Grant or refuse access to a hit',
        params: HitParams,
        body: HitDecisionSchema,
      },
    },
    async (request, reply) => {
      await handle(request, (ctx, tx) =>
        decideHitAccess(tx, ctx, request.params.hitId, request.body.decision),
      );
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/linkage/hits/:hitId/details',
    {
      schema: {
        tags,
        summary: 'The granted entity of a hit',
        params: HitParams,
        response: { 200: HitDetailsSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => hitDetails(tx, ctx, request.params.hitId)),
  );
};
