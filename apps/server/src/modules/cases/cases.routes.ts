import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseCreateSchema,
  CaseListQuery,
  CaseMemberAddSchema,
  CaseMemberParams,
  CaseParams,
  CaseSchema,
  CaseUpdateSchema,
  JoinRequestCreateSchema,
  JoinRequestDecisionSchema,
  JoinRequestParams,
  JoinRequestSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  addMember,
  createCase,
  decideJoinRequest,
  getCase,
  listCases,
  listJoinRequests,
  removeMember,
  requestToJoin,
  updateCase,
} from './cases.service.ts';

/** Cases, their teams and requests to join: /api/cases/... (entities and statements: entities.routes.ts) */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cases'];

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'List cases the user may see',
        querystring: CaseListQuery,
        response: { 200: z.array(CaseSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listCases(tx, ctx, request.query)),
  );
  app.post(
    '/api/cases',
    { schema: { tags, summary: 'Open a case', body: CaseCreateSchema, response: { 201: CaseSchema } } },
    async (request, reply) =>
      reply.status(201).send(await handle(request, (ctx, tx) => createCase(tx, ctx, request.body))),
  );
  app.get(
    '/api/cases/:caseId',
    { schema: { tags, summary: 'Read a case', params: CaseParams, response: { 200: CaseSchema } } },
    async (request) => handle(request, (ctx, tx) => getCase(tx, ctx, request.params.caseId)),
  );
  app.patch(
    '/api/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'Change a case',
        params: CaseParams,
        body: CaseUpdateSchema,
        response: { 200: CaseSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => updateCase(tx, ctx, request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/members',
    {
      schema: {
        tags,
        summary: 'Add a member to the case team',
        params: CaseParams,
        body: CaseMemberAddSchema,
        response: { 200: CaseSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => addMember(tx, ctx, request.params.caseId, request.body)),
  );
  app.delete(
    '/api/cases/:caseId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member from the case team',
        params: CaseMemberParams,
        response: { 200: CaseSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => removeMember(tx, ctx, request.params.caseId, request.params.userId)),
  );

  app.get(
    '/api/cases/:caseId/join-requests',
    {
      schema: {
        tags,
        summary: 'List requests to join a case',
        params: CaseParams,
        response: { 200: z.array(JoinRequestSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listJoinRequests(tx, ctx, request.params.caseId)),
  );
  app.post(
    '/api/cases/:caseId/join-requests',
    {
      schema: {
        tags,
        summary: 'Ask to join a case team',
        params: CaseParams,
        body: JoinRequestCreateSchema,
        response: { 201: JoinRequestSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await handle(request, (ctx, tx) =>
            requestToJoin(tx, ctx, request.params.caseId, request.body.reason),
          ),
        ),
  );
  app.post(
    '/api/cases/:caseId/join-requests/:requestId/decision',
    {
      schema: {
        tags,
        summary: 'Accept or refuse a request to join',
        params: JoinRequestParams,
        body: JoinRequestDecisionSchema,
        response: { 200: JoinRequestSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) =>
        decideJoinRequest(tx, ctx, request.params.caseId, request.params.requestId, request.body.decision),
      ),
  );
};
