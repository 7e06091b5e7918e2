import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseParams,
  EntityCreateSchema,
  EntityHistorySchema,
  EntityParams,
  EntitySchema,
  EntitySummarySchema,
  StatementCorrectionSchema,
  StatementInputSchema,
  StatementParams,
  StatementSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  addStatement,
  correctStatement,
  createEntity,
  entityHistory,
  getEntity,
  listEntities,
} from './entities.service.ts';

/** The entities of a case and their statements: /api/cases/:caseId/entities/... */
export const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases/:caseId/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'List the entities of a case',
        params: CaseParams,
        response: { 200: z.array(EntitySummarySchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listEntities(tx, ctx, request.params.caseId)),
  );
  app.post(
    '/api/cases/:caseId/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Add entities with their statements',
        params: CaseParams,
        body: EntityCreateSchema,
        response: { 201: EntitySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await handle(request, (ctx, tx) => createEntity(tx, ctx, request.params.caseId, request.body))),
  );
  app.get(
    '/api/cases/:caseId/entities/:entityId',
    {
      schema: {
        tags: ['entities'],
        summary: 'Read an entity and its statements',
        params: EntityParams,
        response: { 200: EntitySchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => getEntity(tx, ctx, request.params.caseId, request.params.entityId)),
  );
  app.get(
    '/api/cases/:caseId/entities/:entityId/history',
    {
      schema: {
        tags: ['entities'],
        summary: "An entity's statements, corrected ones included",
        params: EntityParams,
        response: { 200: EntityHistorySchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => entityHistory(tx, ctx, request.params.caseId, request.params.entityId)),
  );
  app.post(
    '/api/cases/:caseId/entities/:entityId/statements',
    {
      schema: {
        tags: ['entities'],
        summary: 'Add a statement to an entity',
        params: EntityParams,
        body: StatementInputSchema,
        response: { 201: StatementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await handle(request, (ctx, tx) =>
            addStatement(tx, ctx, request.params.caseId, request.params.entityId, request.body),
          ),
        ),
  );
  app.post(
    '/api/cases/:caseId/entities/:entityId/statements/:statementId/corrections',
    {
      schema: {
        tags: ['entities'],
        summary: 'Correct a statement',
        params: StatementParams,
        body: StatementCorrectionSchema,
        response: { 201: StatementSchema },
      },
    },
    async (request, reply) => {
      const { caseId, entityId, statementId } = request.params;
      const corrected = await handle(request, (ctx, tx) =>
        correctStatement(tx, ctx, caseId, entityId, statementId, request.body),
      );
      return reply.status(201).send(corrected);
    },
  );
};
