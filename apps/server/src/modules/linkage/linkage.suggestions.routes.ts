import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CanonicalEntitySchema,
  EntityParams,
  SplitResultSchema,
  SuggestionDecisionSchema,
  SuggestionOutcomeSchema,
  SuggestionParams,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { drugsLinkRoutes } from './linkage.drugs-link.routes.ts';
import { hitRoutes } from './linkage.hits.routes.ts';
import { canonicalEntity, decideSuggestion, splitEntity } from './linkage.suggestions.service.ts';

/** Linkage across cases: suggestions, canonical entities and their split, hits, drugs-trafficking links. */
export const linkageRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['linkage'];
  app.post(
    '/api/linkage/suggestions/:suggestionId/decision',
    {
      schema: {
        tags,
        summary: 'Confirm or reject a match suggestion',
        params: SuggestionParams,
        body: SuggestionDecisionSchema,
        response: { 200: SuggestionOutcomeSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => decideSuggestion(tx, ctx, request.params.suggestionId, request.body)),
  );
  app.get(
    '/api/cases/:caseId/entities/:entityId/canonical',
    {
      schema: {
        tags,
        summary: 'The canonical view of a joined entity',
        params: EntityParams,
        response: { 200: CanonicalEntitySchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => canonicalEntity(tx, ctx, request.params.caseId, request.params.entityId)),
  );
  app.post(
    '/api/cases/:caseId/entities/:entityId/split',
    {
      schema: {
        tags,
        summary: 'Split an entity from the one it was joined to',
        params: EntityParams,
        response: { 200: SplitResultSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => splitEntity(tx, ctx, request.params.caseId, request.params.entityId)),
  );
  await app.register(hitRoutes);
  await app.register(drugsLinkRoutes);
};
