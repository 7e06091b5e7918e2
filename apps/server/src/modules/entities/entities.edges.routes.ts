import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntityParams } from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { entityNeighbourhood, TWO_HOP_MAX_LIMIT } from './entities.edges.ts';

export const TwoHopQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(TWO_HOP_MAX_LIMIT).optional(),
});

export const TwoHopSchema = z.object({
  entityId: z.uuid(),
  nodes: z.array(
    z.object({
      id: z.uuid(),
      schema: z.string(),
      caption: z.string(),
      withheld: z.boolean(),
      hops: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.uuid(),
      sourceId: z.uuid(),
      targetId: z.uuid(),
      relationshipId: z.uuid().nullable(),
      label: z.string(),
      hop: z.union([z.literal(1), z.literal(2)]),
    }),
  ),
  truncated: z.boolean(),
});
export type TwoHopResponse = z.infer<typeof TwoHopSchema>;

/** The neighbourhood of an entity from the case graph: /api/cases/:caseId/entities/:entityId/two-hop */
export const edgeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases/:caseId/entities/:entityId/two-hop',
    {
      schema: {
        tags: ['entities'],
        summary: "An entity's two-hop neighbourhood",
        params: EntityParams,
        querystring: TwoHopQuery,
        response: { 200: TwoHopSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) =>
        entityNeighbourhood(tx, ctx, request.params.caseId, request.params.entityId, {
          limit: request.query.limit,
        }),
      ),
  );
};
