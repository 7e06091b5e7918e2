import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DeadlineQuerySchema,
  DeadlineSchema,
  IdParams,
  InformationRequestSchema,
  RequestAnswerSchema,
  RequestContactPointsSchema,
  RequestContactQuery,
  RequestCreateSchema,
  RequestDelaySchema,
  RequestListQuery,
  RequestPageSchema,
  RequestRefusalSchema,
  RequestStatisticsQuery,
  RequestStatisticsSchema,
  RequestWithdrawalSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  answerRequest,
  createRequest,
  deadlineOf,
  delayRequest,
  getRequest,
  listMyRequests,
  refuseRequest,
  requestedPointOfContact,
  requestStatistics,
  sendRequest,
  startRequest,
  withdrawRequest,
} from './requests.service.ts';

/**
 * POST /api/requests/deadline; GET /api/requests/statistics; GET/POST /api/requests, GET /api/requests/:id, and the steps:
 * POST /api/requests/:id/{send,withdraw,start,delay,answer,refuse}.
 */
export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['requests'];

  app.post(
    '/api/requests/deadline',
    {
      schema: {
        tags,
        summary: 'When an answer to a request received at a moment would be due (stores nothing)',
        body: DeadlineQuerySchema,
        response: { 200: DeadlineSchema },
      },
    },
    async (request) => handle(request, async (ctx) => deadlineOf(ctx, request.body)),
  );
  app.get(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Requests received (inbox) or made (outbox), open ones first by time left',
        querystring: RequestListQuery,
        response: { 200: RequestPageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listMyRequests(tx, ctx, request.query)),
  );
  app.get(
    '/api/requests/point-of-contact',
    {
      schema: {
        tags,
        summary: 'The requested jurisdiction’s SPOC as the directory lists it (languages, hours, channels)',
        querystring: RequestContactQuery,
        response: { 200: RequestContactPointsSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => requestedPointOfContact(tx, ctx, request.query.jurisdiction)),
  );
  app.get(
    '/api/requests/statistics',
    {
      schema: {
        tags,
        summary: 'Requests per pair of jurisdictions: in time, late, delays, refusals (under 11 withheld)',
        querystring: RequestStatisticsQuery,
        response: { 200: RequestStatisticsSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => requestStatistics(tx, ctx, request.query)),
  );
  app.post(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Draft an information request, or send it at once',
        body: RequestCreateSchema,
        response: { 201: InformationRequestSchema },
      },
    },
    async (request, reply) => {
      const created = await handle(request, (ctx, tx) => createRequest(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'Read one side’s record of a request with its timeline',
        params: IdParams,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getRequest(tx, ctx, request.params.id)),
  );
  app.post(
    '/api/requests/:id/send',
    {
      schema: {
        tags,
        summary: 'Send a drafted request',
        params: IdParams,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => sendRequest(tx, ctx, request.params.id)),
  );
  app.post(
    '/api/requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a request',
        params: IdParams,
        body: RequestWithdrawalSchema,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => withdrawRequest(tx, ctx, request.params.id, request.body.reason)),
  );
  app.post(
    '/api/requests/:id/start',
    {
      schema: {
        tags,
        summary: 'Start work on a received request',
        params: IdParams,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => startRequest(tx, ctx, request.params.id)),
  );
  app.post(
    '/api/requests/:id/delay',
    {
      schema: {
        tags,
        summary: 'Send or renew a delay notice (it pauses nothing)',
        params: IdParams,
        body: RequestDelaySchema,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => delayRequest(tx, ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer a request, partly or fully',
        params: IdParams,
        body: RequestAnswerSchema,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => answerRequest(tx, ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/requests/:id/refuse',
    {
      schema: {
        tags,
        summary: 'Refuse a request on a listed ground',
        params: IdParams,
        body: RequestRefusalSchema,
        response: { 200: InformationRequestSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => refuseRequest(tx, ctx, request.params.id, request.body)),
  );
};
